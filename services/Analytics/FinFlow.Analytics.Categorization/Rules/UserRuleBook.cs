namespace FinFlow.Analytics.Categorization.Rules;

/// <summary>
/// One user's corrections, applied before the model: an exact-description rule wins over a same-merchant
/// rule, and the latest correction of a key replaces the earlier one.
/// </summary>
public sealed class UserRuleBook
{
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _merchant = new(StringComparer.Ordinal);

    public int Count => _exact.Count + _merchant.Count;

    public void AddExact(string key, string category) => _exact[key] = category;

    public void AddMerchant(string key, string category)
    {
        if (key.Length > 0) _merchant[key] = category;
    }

    /// <summary>Learns a correction: both the exact line and its merchant now map to <paramref name="category"/>.</summary>
    public (string ExactKey, string MerchantKey) Learn(string description, string category)
    {
        var exact = DescriptionKeys.Exact(description);
        var merchant = DescriptionKeys.Merchant(description);
        AddExact(exact, category);
        AddMerchant(merchant, category);
        return (exact, merchant);
    }

    public string? Match(string description) =>
        _exact.TryGetValue(DescriptionKeys.Exact(description), out var exact) ? exact
        : _merchant.TryGetValue(DescriptionKeys.Merchant(description), out var merchant) ? merchant
        : null;
}
