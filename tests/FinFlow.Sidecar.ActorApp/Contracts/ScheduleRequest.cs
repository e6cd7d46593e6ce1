using System.Runtime.Serialization;

namespace FinFlow.Sidecar.ActorApp.Contracts;

/// <summary>A reminder or timer the actor registers on itself through the SDK; a null period means fire once.</summary>
[DataContract]
public sealed class ScheduleRequest
{
    public ScheduleRequest(string name, int dueMilliseconds, int? periodMilliseconds, string payload, int? repetitions = null)
    {
        Name = name;
        DueMilliseconds = dueMilliseconds;
        PeriodMilliseconds = periodMilliseconds;
        Payload = payload;
        Repetitions = repetitions;
    }

    [DataMember]
    public string Name { get; init; }

    [DataMember]
    public int DueMilliseconds { get; init; }

    [DataMember]
    public int? PeriodMilliseconds { get; init; }

    [DataMember]
    public string Payload { get; init; }

    /// <summary>With a value, the SDK sends the period as ISO 8601 with <c>R&lt;n&gt;/</c>.</summary>
    [DataMember]
    public int? Repetitions { get; init; }
}
