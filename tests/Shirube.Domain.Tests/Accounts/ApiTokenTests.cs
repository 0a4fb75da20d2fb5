using Shirube.Domain.Accounts;

namespace Shirube.Domain.Tests.Accounts;

public class ApiTokenTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Issue_NewToken_StoresOnlyTheHashOfTheSecret()
    {
        var (token, secret) = ApiToken.Issue("user-1", "CI pipeline", 30, Now);

        Assert.True(ApiTokenSecret.LooksLikeToken(secret));
        Assert.Equal(ApiTokenSecret.Hash(secret), token.Hash);
        Assert.DoesNotContain(secret, token.Hash, StringComparison.Ordinal);
        Assert.StartsWith(token.Hint, secret, StringComparison.Ordinal);
        Assert.Equal(Now.AddDays(30), token.ExpiresAt);
        Assert.Equal("CI pipeline", token.Name);
    }

    [Fact]
    public void Issue_TwoTokens_AreDifferent()
    {
        var (_, a) = ApiToken.Issue("u", "a", 1, Now);
        var (_, b) = ApiToken.Issue("u", "b", 1, Now);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(ApiToken.MaxLifetimeDays + 1)]
    public void Issue_LifetimeOutOfRange_IsRefused(int days)
    {
        var error = Assert.Throws<DomainException>(() => ApiToken.Issue("u", "n", days, Now)).Error;
        Assert.Equal(("Accounts.TokenLifetime", "expiresInDays"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("", "Common.Required")]
    [InlineData("a name much longer than a hundred characters, a name much longer than a hundred characters, and more and more", "Common.TooLong")]
    public void Issue_BlankOrLongName_IsRefused(string name, string code)
    {
        var error = Assert.Throws<DomainException>(() => ApiToken.Issue("u", name, 1, Now)).Error;
        Assert.Equal((code, "name"), (error.Code, error.Field));
    }

    [Fact]
    public void IsActive_UntilExpiryOrRevocation()
    {
        var (token, _) = ApiToken.Issue("u", "n", 2, Now);
        Assert.True(token.IsActive(Now.AddDays(1)));
        Assert.False(token.IsActive(Now.AddDays(2)));
        token.Revoke(Now.AddHours(1));
        Assert.False(token.IsActive(Now.AddHours(2)));
        token.Revoke(Now.AddHours(5));
        Assert.Equal(Now.AddHours(1), token.RevokedAt);
    }

    [Theory]
    [InlineData("shr_", false)]
    [InlineData("Bearer shr_abc", false)]
    [InlineData("shr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$", false)]
    [InlineData("shr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-", true)]
    public void LooksLikeToken_ChecksPrefixLengthAndAlphabet(string text, bool expected) =>
        Assert.Equal(expected, ApiTokenSecret.LooksLikeToken(text));
}
