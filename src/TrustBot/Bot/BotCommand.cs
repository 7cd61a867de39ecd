namespace TrustBot.Bot;

/// <summary>A text command a user can type to the bot.</summary>
/// <param name="Text">What the user types, lower case, e.g. <c>start pulse</c>.</param>
/// <param name="Description">One line for the help card and the Teams app manifest.</param>
public sealed record BotCommand(string Text, string Description);

/// <summary>
/// Every command the bot answers, in the order the help card lists them. One list serves the
/// router, the help card and (later) the app manifest, so they cannot drift apart.
/// </summary>
public static class BotCommands
{
    /// <summary>Shows the help card.</summary>
    public static readonly BotCommand Help = new("help", "See what I can do and how to ask");

    /// <summary>A lead starts a pulse check-in for the team now.</summary>
    public static readonly BotCommand StartPulse = new("start pulse", "Send a pulse check-in to every member now (leads)");

    /// <summary>A lead closes the open pulse early and rolls it up.</summary>
    public static readonly BotCommand ClosePulse = new("close pulse", "Close the open pulse early and roll up the answers (leads)");

    /// <summary>A lead sets when the team's pulse check-ins open by themselves.</summary>
    public static readonly BotCommand Schedule = new("schedule", "Set when pulse check-ins open by themselves (leads)");

    /// <summary>A member asks for the pulse open for them.</summary>
    public static readonly BotCommand Pulse = new("pulse", "Answer the open pulse, or change your answer");

    /// <summary>Another way to say <see cref="Pulse"/>.</summary>
    public static readonly BotCommand CheckIn = new("check in", "Same as pulse");

    /// <summary>A lead adds a question of the team's own to the pulse bank.</summary>
    public static readonly BotCommand AddQuestion = new("add question", "Add a question of your team's own to future pulses (leads)");

    /// <summary>A lead lists the team's own questions, to retire some.</summary>
    public static readonly BotCommand Questions = new("questions", "List your team's own pulse questions and retire them (leads)");

    /// <summary>A lead logs an interview or GoSee observation, privately.</summary>
    public static readonly BotCommand LogObservation = new("log observation", "Privately log what you saw in an interview or GoSee (leads, 1:1 chat)");

    /// <summary>A lead reads the team's recent observations, privately.</summary>
    public static readonly BotCommand Observations = new("observations", "Read your team's recent interview and GoSee notes (leads, 1:1 chat)");

    /// <summary>A lead reads the trust summary.</summary>
    public static readonly BotCommand Summary = new("summary", "The trust summary: index, trend, factors and what to do next (leads)");

    /// <summary>A lead reads every factor in full.</summary>
    public static readonly BotCommand Factors = new("factors", "Every trust factor in full, with the evidence behind it (leads)");

    /// <summary>Anyone proposes how to finish "On our team, trust means …".</summary>
    public static readonly BotCommand DefineTrust = new("define trust", "Propose how to finish \"On our team, trust means …\"");

    /// <summary>A lead opens the vote on the proposals.</summary>
    public static readonly BotCommand OpenVote = new("open vote", "Send every member a ballot on the trust proposals (leads)");

    /// <summary>A lead closes the vote and writes the charter from the chosen statements.</summary>
    public static readonly BotCommand FinalizeCharter = new("finalize charter", "Choose and edit the statements that become the trust charter (leads)");

    /// <summary>Anyone reads the current trust charter.</summary>
    public static readonly BotCommand Charter = new("charter", "Show the team's current trust charter");

    /// <summary>Anyone reads earlier versions of the charter.</summary>
    public static readonly BotCommand CharterHistory = new("charter history", "Show earlier versions of the trust charter");

    /// <summary>Anyone adds an action item.</summary>
    public static readonly BotCommand AddAction = new("add action", "Add an action item: title, owner, due date and the factor it addresses");

    /// <summary>Anyone lists open action items, their own first.</summary>
    public static readonly BotCommand Actions = new("actions", "List open action items (yours first) to complete, reassign or reschedule them");

    /// <summary>Anyone declares an incident that cost the team trust (a member's goes to the leads first).</summary>
    public static readonly BotCommand Incident = new("incident", "Declare an incident that cost the team trust, to start a recovery plan");

    /// <summary>Anyone lists the team's incidents; leads accept, dismiss or close their plans there.</summary>
    public static readonly BotCommand Incidents = new("incidents", "List the team's incidents and their recovery plans (leads accept, dismiss or close)");

    /// <summary>A lead creates or rotates the team's incident webhook secret (1:1 only: it is shown once).</summary>
    public static readonly BotCommand IncidentWebhook = new("incident webhook", "Create or rotate the secret incident tools use to report incidents (leads, 1:1 chat)");

    /// <summary>Anyone asks who leads the team.</summary>
    public static readonly BotCommand Leads = new("leads", "See who leads your team in TrustBot");

    /// <summary>A lead makes a member of the team a lead too.</summary>
    public static readonly BotCommand AddLead = new("add lead", "Make a member of the team a lead too (leads)");

    /// <summary>A lead removes a lead, themselves included (a hand-over); a team keeps at least one.</summary>
    public static readonly BotCommand RemoveLead = new("remove lead", "Remove a lead, or hand over by removing yourself; one always stays (leads)");

    /// <summary>All commands.</summary>
    public static IReadOnlyList<BotCommand> All { get; } =
        [
            Pulse, CheckIn, StartPulse, ClosePulse, Schedule, Summary, Factors,
            DefineTrust, OpenVote, FinalizeCharter, Charter, CharterHistory,
            AddAction, Actions, Incident, Incidents, IncidentWebhook,
            AddQuestion, Questions, LogObservation, Observations,
            Leads, AddLead, RemoveLead, Help,
        ];
}
