using Newtonsoft.Json.Linq;
using TrustBot.Domain.Questions;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Questions;

/// <summary>What a lead does with the question cards, on the pulse testbed.</summary>
internal sealed class QuestionSteps(PulseTestbed bed)
{
    public const string AddVerb = "question.add";
    public const string RetireVerb = "question.retire";

    public ITeamQuestionStore Store => bed.Service<ITeamQuestionStore>();

    /// <summary>The lead types "add question" in the channel and gets the card.</summary>
    public async Task<JObject> AddCardAsync() => CardOf((await bed.SayInChannelAsync(Lead, "add question")).Single())!;

    /// <summary>The add card's submit data, filled in.</summary>
    public static JObject Filled(JObject addCard, string? text, string? factor, bool reverse = false)
    {
        var data = (JObject)SubmitAction(addCard)["data"]!.DeepClone();
        data["text"] = text;
        data["factor"] = factor;
        data["reverse"] = reverse ? "true" : "false";
        return data;
    }

    /// <summary>The lead adds a question through the card; returns the card that replaces it.</summary>
    public async Task<JObject> AddAsync(string text, string factor = "openness", bool reverse = false) =>
        await bed.ClickAsync(Lead, AddVerb, Filled(await AddCardAsync(), text, factor, reverse));

    /// <summary>The data of the Retire button next to the question with this text on a list card.</summary>
    public static JObject RetireData(JObject listCard, string text) =>
        (JObject)listCard.Descendants().OfType<JObject>()
            .Single(o => (string?)o["type"] == "Container" && TextOf(o).Contains(text, StringComparison.Ordinal))
            .Descendants().OfType<JObject>().Single(o => (string?)o["verb"] == RetireVerb)["data"]!;

    public async Task<JObject> ListAsync() => CardOf((await bed.SayInChannelAsync(Lead, "questions")).Single())!;

    public Task<IReadOnlyList<TeamQuestion>> StoredAsync(string? teamId = null) => Store.GetAllAsync(teamId ?? bed.TeamId, CancellationToken.None);
}
