using System.ComponentModel.DataAnnotations;

namespace FinFlow.ServiceDefaults.SampleService.Notes;

public sealed record CreateNoteRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Text,
    [property: Range(typeof(decimal), "0.01", "1000000")] decimal Amount);
