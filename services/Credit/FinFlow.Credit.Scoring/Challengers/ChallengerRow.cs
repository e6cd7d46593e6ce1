using Microsoft.ML.Data;

namespace FinFlow.Credit.Scoring.Challengers;

/// <summary>ML.NET input row of the challenger: the <c>CreditFeatures</c> columns as one vector.</summary>
internal sealed class ChallengerRow
{
    public bool Label { get; set; }

    public float[] Features { get; set; } = [];

    public static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(ChallengerRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    public static ChallengerRow From(IReadOnlyList<double> values, bool label = false) =>
        new() { Label = label, Features = values.Select(value => (float)value).ToArray() };
}
