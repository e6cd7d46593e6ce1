namespace FinFlow.Credit.Assessment;

/// <summary>Configuration section <c>Credit:Assessment</c>: how much of the books one assessment reads.</summary>
public sealed class AssessmentOptions
{
    public const string SectionName = "Credit:Assessment";

    /// <summary>The latest invoices examined (one page; accounting's largest page is 100), so a call stays bounded.</summary>
    public int InvoiceSample { get; set; } = 100;

    /// <summary>Paid invoices whose payments are read at the same time.</summary>
    public int DetailConcurrency { get; set; } = 4;
}
