using System.Globalization;
using System.Text.Json;
using TrustBot.Domain.Questions;

namespace TrustBot.Domain.Pulse;

/// <summary>
/// The statements pulses are drawn from. The wording lives in a plain data file per language
/// (<c>Pulse/Questions/questions.en.json</c>) so that teams can review and translate it; see
/// <c>Pulse/Questions/SOURCES.md</c> for where each item comes from. A team's bank adds the team's
/// own questions to the built-in one (<see cref="WithTeamItems"/>).
/// </summary>
public sealed class QuestionBank
{
    private const int MaxIdLength = 40;
    private const string BuiltInResource = "TrustBot.Domain.Pulse.Questions.questions.en.json";

    private readonly Dictionary<string, QuestionItem> _byId;

    private QuestionBank(IReadOnlyList<QuestionItem> items, QuestionItem overall, QuestionItem? charter, IEnumerable<QuestionItem>? retired = null)
    {
        Items = items;
        Overall = overall;
        Charter = charter;
        _byId = items.Append(overall).Concat(charter is null ? [] : [charter]).Concat(retired ?? []).ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>The built-in English bank, embedded in this assembly.</summary>
    public static QuestionBank BuiltIn { get; } = LoadBuiltIn();

    /// <summary>
    /// The factor items pulses draw from: the file's in file order (interpersonal and structural
    /// factors), then a team's active questions (the overall item, the charter item and retired
    /// questions are not among them).
    /// </summary>
    public IReadOnlyList<QuestionItem> Items { get; }

    /// <summary>The overall-trust item ("Overall, I trust the people on this team."), asked last in every pulse.</summary>
    public QuestionItem Overall { get; }

    /// <summary>
    /// The item on living by the team's trust charter (factor <c>"charter"</c>), asked before the
    /// overall item in every pulse of a team that has a charter; null when the bank has none.
    /// </summary>
    public QuestionItem? Charter { get; }

    /// <summary>
    /// The item with the id (a factor item, the overall item, or a team's retired question, so that
    /// old runs and roll-ups still find it), or null when the bank has none.
    /// </summary>
    /// <param name="id">An item id such as "safety.1".</param>
    public QuestionItem? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// This bank with a team's own questions: the active ones join <see cref="Items"/> (so pulses
    /// rotate through them like any item of their factor), and every one, retired or not, can be
    /// found by id.
    /// </summary>
    /// <param name="teamQuestions">The team's questions, retired ones included.</param>
    /// <exception cref="ArgumentException">A question has no custom id, is an overall item, or has an id the bank already has.</exception>
    public QuestionBank WithTeamItems(IEnumerable<TeamQuestion> teamQuestions)
    {
        ArgumentNullException.ThrowIfNull(teamQuestions);
        var questions = teamQuestions.ToList();
        var misfit = questions.FirstOrDefault(q => !TeamQuestionIds.IsWellFormed(q.Item.Id) || q.Item.IsOverall || q.Item.IsCharter || _byId.ContainsKey(q.Item.Id));
        if (misfit is not null)
        {
            throw new ArgumentException($"Team question \"{misfit.Item.Id}\" cannot join the bank: it needs a custom id of its own and a factor.", nameof(teamQuestions));
        }

        return new QuestionBank(
            [.. Items, .. questions.Where(q => !q.IsRetired).Select(q => q.Item)],
            Overall,
            Charter,
            questions.Where(q => q.IsRetired).Select(q => q.Item));
    }

    /// <summary>
    /// Reads a bank from its JSON file: an array of objects with <c>id</c>, <c>factor</c>,
    /// <c>text</c>, <c>reverse</c>, <c>version</c> and <c>source</c>, exactly one of them the
    /// overall item (factor <c>"overall"</c>) and at most one the charter item (factor <c>"charter"</c>).
    /// </summary>
    /// <param name="json">The file's content.</param>
    /// <exception cref="FormatException">The file is not valid JSON or breaks a rule; the message says which item and why.</exception>
    public static QuestionBank Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = ParseJson(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The question file must be a JSON array of items.");
        }

        var items = document.RootElement.EnumerateArray().Select(ReadItem).ToList();
        var duplicate = items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"The question file has more than one item with id \"{duplicate.Key}\".");
        }

        var overall = items.Where(i => i.IsOverall).ToList();
        if (overall.Count != 1)
        {
            throw new FormatException(
                $"The question file must have exactly one item with factor \"{QuestionItem.OverallFactorId}\"; it has {overall.Count.ToString(CultureInfo.InvariantCulture)}.");
        }

        var charter = items.Where(i => i.IsCharter).ToList();
        if (charter.Count > 1)
        {
            throw new FormatException(
                $"The question file may have at most one item with factor \"{CharterMeasure.InUse.Id}\"; it has {charter.Count.ToString(CultureInfo.InvariantCulture)}.");
        }

        return new QuestionBank(items.Where(i => !i.IsOverall && !i.IsCharter).ToList(), overall[0], charter.SingleOrDefault());
    }

    private static JsonDocument ParseJson(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The question file is not valid JSON: {e.Message}", e);
        }
    }

    private static QuestionItem ReadItem(JsonElement element, int index)
    {
        // Items are numbered from 1 in messages: that is how a translator counts them.
        var where = $"Item {(index + 1).ToString(CultureInfo.InvariantCulture)}";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} of the question file is not a JSON object.");
        }

        var id = ReadString(element, "id", where);
        if (id.Length > MaxIdLength || !id.All(IsIdCharacter))
        {
            throw new FormatException(
                $"{where} has id \"{id}\": ids are up to {MaxIdLength.ToString(CultureInfo.InvariantCulture)} lower-case letters, digits, '.' or '-'.");
        }

        where = $"{where} (\"{id}\")";
        var factor = ReadString(element, "factor", where);
        if (factor != QuestionItem.OverallFactorId && TrustFactors.FindMeasured(factor) is null)
        {
            var known = string.Join(", ", TrustFactors.All.Concat(StructuralFactors.All).Append(CharterMeasure.InUse).Select(f => f.Id).Append(QuestionItem.OverallFactorId));
            throw new FormatException($"{where} has unknown factor \"{factor}\"; known factors are {known}.");
        }

        var text = ReadString(element, "text", where);
        var reverse = ReadProperty(element, "reverse", where, JsonValueKind.True, JsonValueKind.False).GetBoolean();
        if (!ReadProperty(element, "version", where, JsonValueKind.Number).TryGetInt32(out var version) || version < 1)
        {
            throw new FormatException($"{where} must have a whole-number \"version\" of 1 or more.");
        }

        var source = ReadString(element, "source", where);
        return new QuestionItem(id, factor, text, reverse, version, source);
    }

    private static string ReadString(JsonElement item, string name, string where)
    {
        var value = ReadProperty(item, name, where, JsonValueKind.String).GetString();
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new FormatException($"{where} has an empty \"{name}\".");
        }

        return value.Trim();
    }

    private static JsonElement ReadProperty(JsonElement item, string name, string where, params JsonValueKind[] kinds)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            throw new FormatException($"{where} has no \"{name}\".");
        }

        if (!kinds.Contains(value.ValueKind))
        {
            throw new FormatException($"{where} has a \"{name}\" of the wrong kind ({value.ValueKind}).");
        }

        return value;
    }

    private static bool IsIdCharacter(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-';

    private static QuestionBank LoadBuiltIn()
    {
        using var stream = typeof(QuestionBank).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"The built-in question bank {BuiltInResource} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
