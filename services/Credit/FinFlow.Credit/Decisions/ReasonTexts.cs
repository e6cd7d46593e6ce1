using FinFlow.Credit.Scoring.Features;

namespace FinFlow.Credit.Decisions;

/// <summary>The fixed wording of a stored reason code, from the model's reason catalog (the audit keeps codes only).</summary>
public static class ReasonTexts
{
    private static readonly Dictionary<string, string> ByCode = ReasonCatalog.All
        .SelectMany(wording => new[] { (wording.Code, wording.Text), (wording.MissingCode, wording.MissingText) })
        .ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal);

    /// <summary>The wording, or the code itself for a code a later catalog no longer has.</summary>
    public static string For(string code) => ByCode.TryGetValue(code, out var text) ? text : code;
}
