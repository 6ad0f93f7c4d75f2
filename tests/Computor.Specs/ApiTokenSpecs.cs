using Computor.Api.Auth;

namespace Computor.Specs;

public sealed class When_an_api_token_is_issued
{
    [Test]
    public void Should_be_random_and_stored_only_as_its_hash()
    {
        var first = ApiTokens.Generate();
        var second = ApiTokens.Generate();
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.EqualTo(second));
            Assert.That(first, Does.StartWith("ctp_"));
            Assert.That(first.Length, Is.GreaterThanOrEqualTo(40));
            Assert.That(ApiTokens.Hash(first), Is.Not.Contain(first[4..]));
            Assert.That(ApiTokens.Hash(first), Has.Length.EqualTo(64));
        });
    }

    [Test]
    public void Should_match_only_the_same_token()
    {
        Assert.That(ApiTokens.SameToken("admin-secret", "admin-secret"), Is.True);
        Assert.That(ApiTokens.SameToken("admin-secreT", "admin-secret"), Is.False);
        Assert.That(ApiTokens.SameToken("", "admin-secret"), Is.False);
    }
}
