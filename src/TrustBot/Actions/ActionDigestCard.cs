using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Teams;

namespace TrustBot.Actions;

/// <summary>The leads' Monday digest: the team's overdue action items, longest overdue first, with their owners.</summary>
public static class ActionDigestCard
{
    /// <summary>The most items listed; the count above says how many there are in all.</summary>
    public const int MaxListed = 20;

    /// <summary>Builds the digest.</summary>
    /// <param name="team">The team.</param>
    /// <param name="items">All of the team's items; the overdue ones are listed.</param>
    /// <param name="today">The digest's day.</param>
    public static AdaptiveCard Build(Team team, IReadOnlyList<ActionItem> items, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(items);
        var overdue = items.Where(item => item.IsOverdue(today)).OrderBy(item => item.DueOn).ThenBy(item => item.Id, StringComparer.Ordinal).ToList();
        var open = items.Count(item => !item.IsCompleted);
        List<CardElement> body =
        [
            CardBlocks.Heading(team.Name is null ? "Overdue actions this week" : $"Overdue actions this week: {team.Name}"),
            new TextBlock($"{overdue.Count} of the team's {open} open action{(open == 1 ? " is" : "s are")} overdue. " +
                "A short word with each owner helps more than a reminder: maybe the date was too tight, or the step too big."),
        ];
        body.AddRange(overdue.Take(MaxListed).Select(item => new Container(
        [
            new TextBlock(item.Title) { Weight = TextWeight.Bolder },
            new TextBlock(ActionView.Facts(item)) { IsSubtle = true, Spacing = Spacing.None },
        ])
        { Separator = true }));
        if (overdue.Count > MaxListed)
        {
            body.Add(new TextBlock($"And {overdue.Count - MaxListed} more.") { IsSubtle = true });
        }

        body.Add(new TextBlock($"Type {BotCommands.Actions.Text} to complete, reassign or reschedule them.") { IsSubtle = true, Separator = true });
        return new AdaptiveCard { Body = body };
    }
}
