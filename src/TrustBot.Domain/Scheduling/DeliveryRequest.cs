using System.Security.Cryptography;
using System.Text;

namespace TrustBot.Domain.Scheduling;

/// <summary>
/// One message the bot must deliver to one recipient: a member's 1:1 chat, or the team's channel.
/// Each is a queue message of its own; the content is composed when it is sent (so a reminder is
/// skipped for someone who answered meanwhile), and delivery is recorded under
/// (<see cref="BatchId"/>, recipient) so a message seen twice is sent once.
/// </summary>
/// <param name="BatchId">What this delivery is one of, e.g. the invitations of one run (see <see cref="DeliveryBatches"/>).</param>
/// <param name="Kind">What to send.</param>
/// <param name="TeamId">The team it is about.</param>
/// <param name="Subject">What it is about: a run id, an incident id.</param>
/// <param name="Recipient">The member to send it to, or null for the team's channel.</param>
public sealed record DeliveryRequest(string BatchId, DeliveryKind Kind, string TeamId, string Subject, RosterMemberRef? Recipient);

/// <summary>Who a 1:1 delivery goes to: enough to open a 1:1 chat with them when there is none yet.</summary>
/// <param name="MemberId">Microsoft Entra object id.</param>
/// <param name="UserId">Teams user id (<c>29:…</c>).</param>
public sealed record RosterMemberRef(string MemberId, string UserId);

/// <summary>What a <see cref="DeliveryRequest"/> sends.</summary>
public enum DeliveryKind
{
    /// <summary>The pulse card of a run, to an invited member.</summary>
    PulseInvite,

    /// <summary>A reminder with the pulse card, to an invited member who has not answered yet.</summary>
    PulseReminder,

    /// <summary>The team's channel hears that a scheduled run has closed.</summary>
    PulseClosed,

    /// <summary>The ballot of the team's open trust-definition vote, to a member (subject: the vote id).</summary>
    TrustBallot,

    /// <summary>An incident a member or a tool declared, to each lead to accept or dismiss (subject: the incident id).</summary>
    IncidentForLeads,

    /// <summary>
    /// A step of a recovery plan, to the channel, a lead or a member (subject: the step's
    /// <c>RecoveryNudges.Subject(incidentId, step)</c>, then <c>@</c> and when its job was due, so a
    /// step that comes again is a delivery of its own).
    /// </summary>
    RecoveryNudge,

    /// <summary>A member another lead made a lead hears so in their 1:1 chat (subject: when, as <see cref="JobIds.DuePrefix"/>).</summary>
    NewLead,

    /// <summary>The team's trust charter, to a member who joined the team after it was written (subject: <c>TeamChanges.WelcomeSubject</c>, so each member gets it once).</summary>
    CharterWelcome,

    /// <summary>A suggestion to run a check-in pulse because the team changed, to each lead (subject: the suggestion's job subject).</summary>
    TeamCheckIn,

    /// <summary>A reminder about an action item, to its owner (subject: <c>ActionReminders.Subject(item, kind)</c>).</summary>
    ActionReminder,

    /// <summary>The week's overdue action items, to each lead (subject: the digest's local day, <c>yyyy-MM-dd</c>).</summary>
    ActionDigest,

    /// <summary>A closed run's results to write a "what we will do" line for and send, to each lead (subject: the run id).</summary>
    ResultsForLeads,

    /// <summary>A closed run's results, or that too few answered to show any, to a member (subject: the run id).</summary>
    PulseResults,
}

/// <summary>Batch ids: one per kind, team and subject, short and deterministic.</summary>
public static class DeliveryBatches
{
    /// <summary>The batch id for deliveries of <paramref name="kind"/> about <paramref name="subject"/> in the team.</summary>
    public static string For(DeliveryKind kind, string teamId, string subject)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        ArgumentNullException.ThrowIfNull(subject);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(teamId + "\n" + subject));
        return $"{kind}-{Convert.ToHexStringLower(digest, 0, 12)}";
    }
}
