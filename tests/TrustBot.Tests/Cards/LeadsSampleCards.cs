using TrustBot.Cards;
using TrustBot.Domain.Teams;
using TrustBot.Teams;
using TrustBot.Teams.Leads;

namespace TrustBot.Tests.Cards;

/// <summary>Who leads a team, the lead pickers and the 1:1 team picker, with realistic data, for the card contract test.</summary>
public static class LeadsSampleCards
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var contoso = new Team("19:contoso@thread.tacv2", "tenant", "Contoso", TeamKind.Team, "19:contoso@thread.tacv2", "https://smba.example/", now);
        var fabrikam = contoso with { Id = "19:fabrikam@thread.tacv2", Name = "Fabrikam", ConversationId = "19:fabrikam@thread.tacv2" };
        RosterMember lynne = new("aad-lynne", "29:1lynne", "Lynne Robbins");
        RosterMember megan = new("aad-megan", "29:1megan", "Megan Bowen");
        RosterMember adele = new("aad-adele", "29:1adele", "Adele Vance");

        yield return ("leads-for-a-lead", LeadsCard.Build(contoso, [lynne, megan], senderLeads: true));
        yield return ("leads-for-a-member", LeadsCard.Build(contoso, [lynne], senderLeads: false));
        yield return ("leads-none", LeadsCard.Build(contoso, [], senderLeads: false));
        yield return ("lead-add", LeadPickerCard.Build(contoso, [megan, adele], adding: true));
        yield return ("lead-remove-refused", LeadPickerCard.Build(contoso, [lynne], adding: false, ["A team always keeps at least one lead, and this is its only one. Add another lead first, then hand over."]));
        yield return ("team-picker", TeamPickerCard.Build("summary", [contoso, fabrikam], forLeads: true));
    }
}
