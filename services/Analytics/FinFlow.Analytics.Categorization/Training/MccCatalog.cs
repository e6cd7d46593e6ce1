using System.Globalization;
using System.Text.Json;

namespace FinFlow.Analytics.Categorization.Training;

/// <summary>The ISO 18245 merchant category codes of <c>mcc_codes.json</c> (npm <c>mcc</c> 2.2.0, MIT): code and description.</summary>
public sealed class MccCatalog
{
    private MccCatalog(IReadOnlyList<(int Code, string Description)> entries) => Entries = entries;

    public IReadOnlyList<(int Code, string Description)> Entries { get; }

    public static MccCatalog Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var entries = json.RootElement.EnumerateArray()
            .Select(e => (Code: int.Parse(e.GetProperty("mcc").GetString()!, CultureInfo.InvariantCulture), Description: e.GetProperty("edited_description").GetString() ?? ""))
            .OrderBy(e => e.Code)
            .ToList();
        return new MccCatalog(entries);
    }
}
