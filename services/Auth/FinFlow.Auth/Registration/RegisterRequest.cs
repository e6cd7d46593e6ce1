using System.ComponentModel.DataAnnotations;

namespace FinFlow.Auth.Registration;

public sealed record RegisterRequest(
    [property: Required, EmailAddress, StringLength(254)] string? Email,
    [property: Required] string? Password);
