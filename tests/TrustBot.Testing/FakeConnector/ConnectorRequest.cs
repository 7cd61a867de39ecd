namespace TrustBot.Testing;

/// <summary>The Bot Connector operations the fake serves.</summary>
internal enum ConnectorOperation
{
    Unknown,
    CreateConversation,
    SendToConversation,
    ReplyToActivity,
    UpdateActivity,
    GetPagedMembers,
    GetMember,
}

/// <summary>
/// A request routed by its raw path: <c>{any prefix}/v3/conversations/{conversationId}/…</c>. The
/// SDK escapes ids with <c>Uri.EscapeDataString</c>; each segment is unescaped here, after
/// splitting, so an id holding an escaped '/' stays one id.
/// </summary>
internal sealed record ConnectorRequest(ConnectorOperation Operation, string ConversationId = "", string ItemId = "")
{
    public static ConnectorRequest Parse(string method, string rawTarget)
    {
        var path = rawTarget.Split('?', 2)[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var apiStart = Enumerable.Range(0, Math.Max(0, segments.Length - 1))
            .FirstOrDefault(i => segments[i] == "v3" && segments[i + 1] == "conversations", -1);
        if (apiStart < 0)
        {
            return new ConnectorRequest(ConnectorOperation.Unknown);
        }

        string[] rest = [.. segments.Skip(apiStart + 2).Select(Uri.UnescapeDataString)];
        return (method, rest) switch
        {
            ("POST", []) => new(ConnectorOperation.CreateConversation),
            ("POST", [var conversation, "activities"]) => new(ConnectorOperation.SendToConversation, conversation),
            ("POST", [var conversation, "activities", var activity]) => new(ConnectorOperation.ReplyToActivity, conversation, activity),
            ("PUT", [var conversation, "activities", var activity]) => new(ConnectorOperation.UpdateActivity, conversation, activity),
            ("GET", [var conversation, "pagedmembers"]) => new(ConnectorOperation.GetPagedMembers, conversation),
            ("GET", [var conversation, "members", var member]) => new(ConnectorOperation.GetMember, conversation, member),
            _ => new(ConnectorOperation.Unknown),
        };
    }
}
