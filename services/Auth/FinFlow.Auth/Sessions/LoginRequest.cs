using System.ComponentModel.DataAnnotations;

namespace FinFlow.Auth.Sessions;

public sealed record LoginRequest(
    [property: Required, StringLength(254)] string? Email,
    [property: Required, StringLength(1024)] string? Password);
