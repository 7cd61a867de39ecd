using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Teams;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Definition;

/// <summary>What members and leads do in stage 2, on the pulse testbed (real stores on Azurite, Teams mocked).</summary>
internal sealed class DefinitionSteps(PulseTestbed bed)
{
    public const string ProposeVerb = "trust.propose";
    public const string VoteVerb = "trust.vote";
    public const string SaveVerb = "charter.save";
    public const string PostVerb = "charter.post";

    public ITrustVoteStore Votes => bed.Service<ITrustVoteStore>();

    public ITrustCharterStore Charters => bed.Service<ITrustCharterStore>();

    /// <summary>The lead installs the bot; the other members are known to belong (as after a pulse).</summary>
    public async Task InstallWithMembersAsync()
    {
        await bed.InstallAsync(Lead);
        foreach (var member in new[] { Megan, Adele, Isaiah })
        {
            await bed.Service<ITeamStore>().EnsureMembershipAsync(new Membership(member.MemberId, bed.TeamId, TeamRole.Member, member.Name), CancellationToken.None);
        }
    }

    public async Task<JObject> ProposalCardAsync(RosterMember member)
    {
        var replies = await bed.SayInPersonalChatAsync(member, "define trust");
        return CardOf(replies.Single()) ?? throw new InvalidOperationException(ShownBy(replies));
    }

    public async Task<JObject> ProposeAsync(RosterMember member, string text, bool named = false)
    {
        var data = Data(await ProposalCardAsync(member));
        data["text"] = text;
        data["named"] = named ? "true" : "false";

        // Proposals list oldest first; a minute apart, their order is the order they were made in.
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        return await bed.ClickAsync(member, ProposeVerb, data);
    }

    public async Task<IReadOnlyList<TrustProposal>> ProposeThreeAsync()
    {
        await ProposeAsync(Lead, "We say early when something is going wrong.", named: true);
        await ProposeAsync(Megan, "Nobody is blamed for an honest mistake.");
        await ProposeAsync(Adele, "We do what we said we would, or say why not.");
        return await Votes.GetProposalsAsync(bed.TeamId, CancellationToken.None);
    }

    public JObject LatestBallot(RosterMember member) => bed.CardsSentTo(member)[^1];

    public Task<JObject> VoteAsync(RosterMember member, params string[] proposalIds) =>
        VoteWithAsync(member, Data(LatestBallot(member)), string.Join(',', proposalIds));

    public Task<JObject> VoteWithAsync(RosterMember member, JObject data, JToken picks)
    {
        data["picks"] = picks;
        return bed.ClickAsync(member, VoteVerb, data);
    }

    public async Task<JObject> FinalizeCardAsync()
    {
        var replies = await bed.SayInChannelAsync(Lead, "finalize charter");
        return CardOf(replies.Single()) ?? throw new InvalidOperationException(ShownBy(replies));
    }

    public async Task<JObject> FinalizeAsync(string statements)
    {
        var card = await FinalizeCardAsync();
        var data = Data(card);
        data["picks"] = (string?)InputOf(card, "picks")["value"];
        data["statements"] = statements;
        return await bed.ClickAsync(Lead, SaveVerb, data);
    }

    public static JObject Data(JObject card) => (JObject)SubmitAction(card)["data"]!.DeepClone();

    public static JObject InputOf(JObject card, string id) =>
        card.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == id);

    public static bool HasNoCard(IReadOnlyList<IActivity> replies) => replies.All(r => CardOf(r) is null);
}
