using TrustBot.Domain.Framework;

namespace TrustBot.Domain.Tests.Framework;

public sealed class TrustStageTests
{
    [Fact]
    public void The_framework_has_five_stages_numbered_in_order()
    {
        TrustStage.All.Select(s => s.Number).Should().Equal(1, 2, 3, 4, 5);
        TrustStage.All.Select(s => s.Name).Should().Equal("Awareness", "Definition", "Factors", "Actions", "Recovery");
    }

    [Fact]
    public void Every_stage_explains_itself_in_one_sentence()
    {
        TrustStage.All.Should().AllSatisfy(s => { s.Summary.Should().EndWith("."); s.Summary.Length.Should().BeLessThan(140); });
    }
}
