using FinFlow.Credit.Scoring.Data;
using FinFlow.Credit.Scoring.Features;
using FinFlow.Credit.Scoring.Models;
using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FinFlow.Credit.Scoring.Tests;

[Collection(TrainedCreditGroup.Name)]
public sealed class ProtectedAttributeTests(TrainedCredit trained)
{
    private static readonly string[] ProtectedWords = ["sex", "gender", "age", "marriage", "marital", "education", "foreign", "status"];

    [Fact]
    public void No_protected_attribute_is_a_column_of_the_models_input_schema()
    {
        var manifest = ModelJson.Read<ModelManifest>(Path.Combine(RepositoryFiles.ModelsDirectory, CreditModel.Load(RepositoryFiles.ModelsDirectory).ModelVersion, ModelStore.ManifestFile));

        Assert.Equal(CreditFeatures.Names, manifest.Features);
        Assert.Equal(CreditFeatures.Names, trained.Result.Scorecard.InputFeatures);
        foreach (var name in CreditFeatures.Names.Concat(trained.Result.Scorecard.Features.Select(feature => feature.Name)))
            Assert.Empty(Words(name).Intersect(ProtectedWords));
    }

    [Fact]
    public void The_word_check_would_see_a_protected_column()
    {
        Assert.NotEmpty(Words("applicantAge").Intersect(ProtectedWords));
        Assert.NotEmpty(Words("personal_status_sex").Intersect(ProtectedWords));
        Assert.Empty(Words(CreditFeatures.AveragePayment).Intersect(ProtectedWords));
    }

    [Fact]
    public void The_challengers_ml_net_input_schema_is_the_feature_vector_alone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"challenger-{Guid.NewGuid():N}.zip");
        try
        {
            trained.Result.Challenger.Save(path);
            new MLContext(0).Model.Load(path, out var schema);

            Assert.Equal(["Label", "Features"], schema.Select(column => column.Name));
            Assert.Equal(CreditFeatures.Names.Count, ((VectorDataViewType)schema["Features"].Type).Size);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Changing_sex_age_marriage_or_education_never_changes_a_training_row()
    {
        var client = TaiwanCreditFile.Load(RepositoryFiles.TaiwanCsv)[0];
        var row = TaiwanFeatureBuilder.Row(client);

        Assert.Equal(row, TaiwanFeatureBuilder.Row(client with { Sex = 3 - client.Sex, Age = client.Age + 30, Marriage = 3, Education = 4 }));
    }

    [Fact]
    public void German_check_data_keeps_sex_age_and_foreign_worker_out_of_the_inputs_and_in_the_report_groups()
    {
        var german = GermanCreditFile.Load(RepositoryFiles.GermanCsv);

        Assert.DoesNotContain(german.Features, spec => spec.Name is "personal_status_sex" or "age_years" or "foreign_worker");
        Assert.Equal(17, german.Features.Count);
        Assert.Equal([GermanCreditFile.AgeGroup, GermanCreditFile.ForeignWorkerGroup, GermanCreditFile.SexGroup], german.ProtectedGroups.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(300, german.Defaulted.Count(bad => bad));
    }

    [Fact]
    public void The_disparate_impact_report_covers_every_protected_group_of_the_hold_out()
    {
        var report = trained.Result.Card.DisparateImpact;

        Assert.Equal(
            [TaiwanFeatureBuilder.AgeGroup, TaiwanFeatureBuilder.EducationGroup, TaiwanFeatureBuilder.MarriageGroup, TaiwanFeatureBuilder.SexGroup],
            report.Select(group => group.Attribute).Distinct());
        Assert.Equal(trained.HoldOut.Count, report.Where(group => group.Attribute == TaiwanFeatureBuilder.SexGroup).Sum(group => group.Count));
        Assert.All(report, group => Assert.InRange(group.RatioToBest, 0, 1));
    }

    /// <summary>camelCase and snake_case split into lower-case words.</summary>
    private static string[] Words(string name) =>
        Regex.Split(Regex.Replace(name, "([a-z0-9])([A-Z])", "$1_$2"), "[_\\s]+").Select(word => word.ToLowerInvariant()).ToArray();
}
