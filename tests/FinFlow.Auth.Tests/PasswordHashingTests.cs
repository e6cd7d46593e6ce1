using FinFlow.Auth.Passwords;
using Microsoft.Extensions.Options;
using Xunit;

namespace FinFlow.Auth.Tests;

public class PasswordHashingTests
{
    private static Argon2idPasswordHasher Hasher(int memoryKiB = 1024, int iterations = 1) =>
        new(Options.Create(new PasswordHashingOptions { MemoryKiB = memoryKiB, Iterations = iterations }));

    [Fact]
    public void The_shipped_default_is_owasps_argon2id_setting()
    {
        var defaults = new PasswordHashingOptions();

        Assert.Equal(19 * 1024, defaults.MemoryKiB);
        Assert.Equal(2, defaults.Iterations);
    }

    [Fact]
    public async Task A_hash_is_a_salted_phc_string_that_verifies_only_the_same_password()
    {
        using var hasher = Hasher();

        var first = await hasher.HashAsync("correct horse battery");
        var second = await hasher.HashAsync("correct horse battery");

        Assert.StartsWith("$argon2id$v=19$m=1024,t=1,p=1$", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.True(await hasher.VerifyAsync("correct horse battery", first));
        Assert.False(await hasher.VerifyAsync("correct horse batterY", first));
        Assert.False(await hasher.VerifyAsync("correct horse battery", storedHash: null));
        Assert.False(await hasher.VerifyAsync("correct horse battery", "$argon2id$v=19$m=1024,t=1,p=1$garbage$garbage"));
    }

    [Fact]
    public async Task A_hash_made_with_other_parameters_still_verifies_and_asks_to_be_rehashed()
    {
        using var older = Hasher(memoryKiB: 512);
        using var current = Hasher();
        var old = await older.HashAsync("correct horse battery");

        Assert.True(await current.VerifyAsync("correct horse battery", old));
        Assert.True(current.NeedsRehash(old));
        Assert.False(current.NeedsRehash(await current.HashAsync("x")));
    }

    [Theory]
    [InlineData("short", false)]
    [InlineData("abababababababab", false)]
    [InlineData("Password1234", false)]
    [InlineData("grape-Tractor-71-lantern", true)]
    [InlineData("пароль-очень-длинный-7", true)]
    public void The_policy_asks_for_length_and_variety_not_composition(string password, bool accepted)
    {
        Assert.Equal(accepted, PasswordPolicy.Check(password, "someone@finflow.test") is null);
    }
}
