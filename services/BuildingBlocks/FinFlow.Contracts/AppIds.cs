namespace FinFlow.Contracts;

/// <summary>Dapr app ids: the names services are invoked by.</summary>
public static class AppIds
{
    public const string Gateway = "gateway";
    public const string Auth = "auth";
    public const string Payments = "payments";
    public const string Accounting = "accounting";
    public const string Analytics = "analytics";
    public const string Credit = "credit";
}
