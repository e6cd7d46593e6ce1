using System.ComponentModel.DataAnnotations;

namespace FinFlow.Auth.Sessions;

public sealed record RefreshRequest([property: Required, StringLength(200, MinimumLength = 16)] string? RefreshToken);
