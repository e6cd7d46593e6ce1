using System.Globalization;
using FinFlow.Credit.Scoring.Challengers;
using FinFlow.Credit.Scoring.Features;
using FinFlow.Credit.Scoring.Scorecards;

namespace FinFlow.Credit.Scoring.Models;

/// <summary>
/// Model versions on disk: <c>models/credit-vN/</c> holding manifest.json, scorecard.json (always: it is the
/// reference model and the reason basis), challenger.zip (only when the challenger shipped) and the model card.
/// </summary>
public static class ModelStore
{
    public const string VersionPrefix = "credit-v";
    public const string ManifestFile = "manifest.json";
    public const string ScorecardFile = "scorecard.json";
    public const string ChallengerFile = "challenger.zip";

    public static int? LatestVersion(string modelsDirectory) =>
        Directory.Exists(modelsDirectory)
            ? Directory.EnumerateDirectories(modelsDirectory, VersionPrefix + "*")
                .Select(path => int.TryParse(Path.GetFileName(path)[VersionPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null)
                .Max()
            : null;

    public static string VersionName(int number) => VersionPrefix + number.ToString(CultureInfo.InvariantCulture);

    public static CreditModel LoadLatest(string modelsDirectory)
    {
        var latest = LatestVersion(modelsDirectory)
            ?? throw new DirectoryNotFoundException($"No {VersionPrefix}N model directory under '{Path.GetFullPath(modelsDirectory)}'. Run: dotnet run --project tools/FinFlow.Train -- credit");
        return LoadVersion(Path.Combine(modelsDirectory, VersionName(latest)));
    }

    public static CreditModel LoadVersion(string versionDirectory)
    {
        var manifest = ModelJson.Read<ModelManifest>(Path.Combine(versionDirectory, ManifestFile));
        if (!manifest.Features.SequenceEqual(CreditFeatures.Names))
            throw new InvalidDataException($"{versionDirectory} was trained on columns [{string.Join(", ", manifest.Features)}]; this build maps [{string.Join(", ", CreditFeatures.Names)}].");
        ICreditScorer scorer = manifest.Shipped == "challenger"
            ? ChallengerModel.Load(Path.Combine(versionDirectory, ChallengerFile), manifest.Features.Count, manifest.ChallengerContributionScale)
            : ModelJson.Read<Scorecard>(Path.Combine(versionDirectory, ScorecardFile));
        return new CreditModel(manifest, scorer);
    }

    public static void Write(string versionDirectory, ModelManifest manifest, Scorecard scorecard, ChallengerModel? shippedChallenger)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(versionDirectory);
        ModelJson.Write(Path.Combine(versionDirectory, ManifestFile), manifest);
        ModelJson.Write(Path.Combine(versionDirectory, ScorecardFile), scorecard);
        shippedChallenger?.Save(Path.Combine(versionDirectory, ChallengerFile));
    }
}
