using System.ComponentModel.DataAnnotations;

namespace FinFlow.Auth.Users;

public sealed record ChangeRoleRequest([property: Required, AllowedValues("USER", "ADMIN")] string? Role);
