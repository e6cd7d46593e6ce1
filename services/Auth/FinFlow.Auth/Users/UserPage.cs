namespace FinFlow.Auth.Users;

/// <summary>One page of accounts, oldest first.</summary>
public sealed record UserPage(IReadOnlyList<UserView> Items, int Page, int PageSize, long Total);
