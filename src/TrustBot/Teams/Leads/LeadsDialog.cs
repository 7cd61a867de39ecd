using System.Text.Json.Nodes;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams.Leads;

/// <summary>
/// Who leads a team: <c>leads</c> (anyone), <c>add lead</c> and <c>remove lead</c> (leads), with a
/// people picker from the stored roster. The team a pick acts on comes from the card, so it is
/// taken only when storage says the sender leads it, and the person only when they are on its
/// roster. A team always keeps at least one lead; a lead who leaves the team loses the role
/// (see <see cref="TeamDirectory.RemoveLeftMembersAsync"/>).
/// </summary>
public sealed class LeadsDialog(
    TeamDirectory directory, ITeamStore teams, ITeamRosterStore rosters, RosterFanOut fanOut, TeamChanges changes, TimeProvider clock) : IDialog
{
    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.Leads, ListAsync)
            .Command(BotCommands.AddLead, (turn, ct) => OpenPickerAsync(turn, adding: true, ct))
            .Command(BotCommands.RemoveLead, (turn, ct) => OpenPickerAsync(turn, adding: false, ct))
            .Verb(LeadPickerCard.AddVerb, (turn, data, ct) => WithPickAsync(turn, data, adding: true, AddAsync, ct))
            .Verb(LeadPickerCard.RemoveVerb, (turn, data, ct) => WithPickAsync(turn, data, adding: false, RemoveAsync, ct));
    }

    private async Task ListAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Member, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var roster = await RosterAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var leads = await directory.LeadsAmongAsync(team.Id, roster, cancellationToken).ConfigureAwait(false);
        var senderLeads = await directory.LeadsAsync(turn.MemberId, team.Id, cancellationToken).ConfigureAwait(false);
        await turn.ReplyAsync(LeadsCard.Build(team, leads, senderLeads), cancellationToken).ConfigureAwait(false);
    }

    private async Task OpenPickerAsync(BotTurn turn, bool adding, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var roster = await RosterAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var leads = await directory.LeadsAmongAsync(team.Id, roster, cancellationToken).ConfigureAwait(false);
        if (PickerOrNull(team, roster, leads, adding) is not { } card)
        {
            await turn.ReplyAsync("Everyone on the team's roster leads it already. New members join the roster as Teams tells me they join.", cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.ReplyAsync(card, cancellationToken).ConfigureAwait(false);
    }

    // A picker's button: the card must name a team the sender leads and a person; then the change is made.
    private async Task<AdaptiveCard> WithPickAsync(
        BotTurn turn, JsonObject? data, bool adding, Func<LeadPick, CancellationToken, Task<AdaptiveCard>> change, CancellationToken cancellationToken)
    {
        var teamId = CardSubmit.TeamIdOf(data);
        string? picked = null;
        if (teamId is null || !CardSubmit.TryReadText(data!, LeadPickerCard.MemberInput, out picked) || picked is not { Length: > 0 })
        {
            return NoticeCard.Build("This card can't be used", $"Its data isn't what I sent, so nobody was {(adding ? "added" : "removed")}. Type {(adding ? BotCommands.AddLead.Text : BotCommands.RemoveLead.Text)} to get a fresh card.", isProblem: true);
        }

        if (await directory.FindLedTeamAsync(turn.MemberId, teamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return NoticeCard.Build("Only a lead can change the leads", "You don't lead the team this card belongs to (any more), so nothing was changed.", isProblem: true);
        }

        var roster = await RosterAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var leads = await directory.LeadsAmongAsync(team.Id, roster, cancellationToken).ConfigureAwait(false);
        return await change(new LeadPick(team, roster, leads, picked, turn.MemberId), cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> AddAsync(LeadPick pick, CancellationToken cancellationToken)
    {
        var (team, roster, leads, picked, _) = pick;
        if (roster.FirstOrDefault(member => member.MemberId == picked) is not { } person)
        {
            return Refused(team, roster, leads, adding: true, "That person isn't on the team (they may have left it). Pick a member of the team.");
        }

        if (leads.Any(lead => lead.MemberId == picked))
        {
            return Refused(team, roster, leads, adding: true, $"{NameOf(person)} leads the team already.");
        }

        await teams.SaveMembershipAsync(new Membership(person.MemberId, team.Id, TeamRole.Lead, person.Name), cancellationToken).ConfigureAwait(false);
        await changes.RecordLeadChangeAsync(team.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        // Through the delivery queue, so a person the bot cannot reach yet does not hold up the turn.
        var subject = JobIds.DuePrefix(clock.GetUtcNow());
        await fanOut.QueueAsync(team, [person.MemberId], DeliveryKind.NewLead, subject, cancellationToken).ConfigureAwait(false);
        return NoticeCard.Build($"{NameOf(person)} now leads {team.Name ?? "the team"}", "They can start pulses, read the summary and handle incidents, and I'll tell them so in their chat with me.")
            ;
    }

    private async Task<AdaptiveCard> RemoveAsync(LeadPick pick, CancellationToken cancellationToken)
    {
        var (team, roster, leads, picked, senderId) = pick;
        // The sender leads (checked), even when the roster sync has not listed them yet.
        var allLeads = leads.Any(lead => lead.MemberId == senderId) ? leads : [.. leads, new RosterMember(senderId, string.Empty, null)];
        if (allLeads.FirstOrDefault(lead => lead.MemberId == picked) is not { } person)
        {
            return Refused(team, roster, leads, adding: false, "That person doesn't lead the team. Pick one of its leads.");
        }

        if (allLeads.Count <= 1)
        {
            return Refused(team, roster, leads, adding: false, "A team always keeps at least one lead, and this is its only one. Add another lead first, then hand over.");
        }

        await teams.SaveMembershipAsync(new Membership(person.MemberId, team.Id, TeamRole.Member, person.Name), cancellationToken).ConfigureAwait(false);
        await changes.RecordLeadChangeAsync(team.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var others = string.Join(", ", allLeads.Where(lead => lead.MemberId != picked).Select(NameOf));
        return (picked == senderId
            ? NoticeCard.Build($"You handed over {team.Name ?? "the team"}", $"You no longer lead it; {others} do.")
            : NoticeCard.Build($"{NameOf(person)} no longer leads {team.Name ?? "the team"}", $"The team's leads: {others}."))
            ;
    }

    private async Task<IReadOnlyList<RosterMember>> RosterAsync(string teamId, CancellationToken cancellationToken) =>
        [.. (await rosters.GetAsync(teamId, cancellationToken).ConfigureAwait(false)).Select(entry => entry.Member)];

    // Adding offers the members who do not lead; removing, the leads. Null when there is nobody to add.
    private static AdaptiveCard? PickerOrNull(Team team, IReadOnlyList<RosterMember> roster, IReadOnlyList<RosterMember> leads, bool adding, IReadOnlyList<string>? problems = null)
    {
        var leadIds = leads.Select(lead => lead.MemberId).ToHashSet(StringComparer.Ordinal);
        var people = adding ? [.. roster.Where(member => !leadIds.Contains(member.MemberId))] : leads;
        return adding && people.Count == 0 ? null : LeadPickerCard.Build(team, people, adding, problems);
    }

    private static AdaptiveCard Refused(Team team, IReadOnlyList<RosterMember> roster, IReadOnlyList<RosterMember> leads, bool adding, string problem) =>
        (PickerOrNull(team, roster, leads, adding, [problem]) ?? NoticeCard.Build("Nobody was added", problem, isProblem: true));

    // What a picker's click names, once checked: the team the sender leads, its roster and leads, and the person picked.
    private sealed record LeadPick(Team Team, IReadOnlyList<RosterMember> Roster, IReadOnlyList<RosterMember> Leads, string Picked, string SenderId);

    private static string NameOf(RosterMember member) => member.Name is { Length: > 0 } name ? name : "A member without a name";
}
