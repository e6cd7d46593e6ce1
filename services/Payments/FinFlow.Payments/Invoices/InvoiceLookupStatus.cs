namespace FinFlow.Payments.Invoices;

public enum InvoiceLookupStatus
{
    Found,

    /// <summary>Missing, or another user's: accounting does not tell the two apart, and neither do we.</summary>
    NotFound,

    /// <summary>Accounting could not answer; nothing may be charged without knowing what is owed.</summary>
    Unavailable,
}
