using TrustBot.Domain.Questions;

namespace TrustBot.Domain.Tests.Questions;

public sealed class TeamQuestionIdsTests
{
    [Fact]
    public void A_new_id_is_custom_and_eight_hex_digits_and_is_well_formed()
    {
        var id = TeamQuestionIds.New(new Guid("0123abcd-ffff-0000-0000-000000000000"));

        id.Should().Be("custom.0123abcd");
        TeamQuestionIds.IsWellFormed(id).Should().BeTrue();
    }

    [Fact]
    public void Two_new_ids_differ() =>
        TeamQuestionIds.New(Guid.NewGuid()).Should().NotBe(TeamQuestionIds.New(Guid.NewGuid()));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("custom.")]
    [InlineData("custom.0123ABCD")]
    [InlineData("custom.0123abc")]
    [InlineData("custom.0123abcde")]
    [InlineData("custom.0123abcg")]
    [InlineData("Custom.0123abcd")]
    [InlineData("safety.1")]
    [InlineData("custom/0123abcd")]
    [InlineData("custom.0123abc\u0000")]
    public void Anything_else_is_refused_before_any_lookup(string? id) =>
        TeamQuestionIds.IsWellFormed(id).Should().BeFalse();
}
