namespace FinFlow.Analytics.Categorization.Taxonomy;

/// <summary>
/// One category of the taxonomy: the MCC ranges that belong to it, and the words and merchants the training
/// generator draws descriptions from (merchant words carry the category; the names around them do not).
/// </summary>
public sealed record CategoryDefinition(
    string Name,
    string Kind,
    IReadOnlyList<(int From, int To)> MccRanges,
    IReadOnlyList<string> MerchantWords,
    IReadOnlyList<string> Brands)
{
    public bool Contains(int mcc) => MccRanges.Any(range => mcc >= range.From && mcc <= range.To);
}
