using System.Reflection;
using FinFlow.Analytics.Categorization;
using FinFlow.Analytics.Categorization.Model;
using FinFlow.Analytics.Categorization.Training;

namespace FinFlow.Analytics.Categorization.Tests;

/// <summary>One training run shared by the tests of a class (training takes seconds; every test reads the same model).</summary>
public sealed class TrainedCategorizer
{
    public TrainedCategorizer() => (Categorizer, Model, Card) = CategorizationTraining.Run(MccFile);

    public static string MccFile => typeof(TrainedCategorizer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "MccFile").Value!;

    public Categorizer Categorizer { get; }

    public CategoryModel Model { get; }

    public CategorizationModelCard Card { get; }
}
