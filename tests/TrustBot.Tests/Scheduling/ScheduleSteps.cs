using System.Globalization;
using Newtonsoft.Json.Linq;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Scheduling;

/// <summary>What a lead does with the schedule card, as a Teams client would send it.</summary>
public sealed class ScheduleSteps(PulseTestbed bed)
{
    public const string SaveVerb = "schedule.save";

    public Task<TeamSchedule?> StoredAsync() => bed.Service<ITeamScheduleStore>().GetAsync(bed.TeamId, CancellationToken.None);

    /// <summary>Every job planned so far, whenever it is due.</summary>
    public Task<IReadOnlyList<ScheduledJob>> PlannedAsync() =>
        bed.Service<IJobStore>().GetDueAsync(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), 100, CancellationToken.None);

    public async Task<JObject> CardAsync(RosterMember sender)
    {
        var replies = await bed.SayInChannelAsync(sender, "schedule");
        return CardOf(replies.Single()) ?? throw new InvalidOperationException(ShownBy(replies));
    }

    /// <summary>Opens the card, changes the given inputs (by input id) and saves; returns the card that replaces it.</summary>
    public async Task<JObject> SaveAsync(RosterMember sender, params (string Input, string? Value)[] changes) =>
        await bed.ClickAsync(sender, SaveVerb, Filled(await CardAsync(sender), changes));

    /// <summary>What a click on the card's save button sends: its data and every input's current value, changed as given.</summary>
    public static JObject Filled(JObject card, params (string Input, string? Value)[] changes)
    {
        var data = (JObject)SubmitAction(card)["data"]!.DeepClone();
        foreach (var input in card.Descendants().OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            data[(string)input["id"]!] = input["value"] switch
            {
                null => null,
                JValue { Type: JTokenType.Float or JTokenType.Integer } number => Convert.ToString(number.Value, CultureInfo.InvariantCulture),
                var value => value,
            };
        }

        foreach (var (input, value) in changes)
        {
            data[input] = value;
        }

        return data;
    }

    /// <summary>The value an input of the card is filled with.</summary>
    public static string? ValueOf(JObject card, string input) =>
        card.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == input)["value"]?.ToString();
}
