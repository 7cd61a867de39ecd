using TrustBot.Dashboard;

namespace TrustBot.Tests.Dashboard;

public sealed class AggregatesCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("3.50", "3.50")]
    [InlineData("", "")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised_and_quoted_when_needed(string value, string written) =>
        AggregatesCsv.Cell(value).Should().Be(written);

    [Fact]
    public void Without_a_pulse_that_met_k_the_export_is_only_its_header() =>
        AggregatesCsv.Of([]).Should().Be(string.Join(',', AggregatesCsv.Header) + "\r\n");
}
