using System.Reflection;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Teams;
using TrustBot.Testing;

namespace TrustBot.Tests.Bot;

/// <summary>
/// The Bot Framework SDK (<c>Microsoft.Bot.*</c>) and Newtonsoft.Json stay behind one seam: the
/// adapter, the activity handler and the translation to and from activities in <c>src/TrustBot/Bot/</c>,
/// and the proactive messenger. Features see TrustBot's own turn and card types only, so moving to
/// another SDK touches that folder and one file.
/// </summary>
public sealed class BotFrameworkSeamTests
{
    private static readonly Assembly TrustBotAssembly = typeof(BotTurn).Assembly;

    // The types that translate to and from the SDK; everything else, the seam's own types included, is SDK-free.
    private static readonly string BotNamespace = typeof(BotTurn).Namespace!;

    // The seam itself lives in Bot/ beside the translation, and must be SDK-free all the same.
    private static readonly Type[] SeamTypes =
    [
        typeof(BotTurn), typeof(TurnSender), typeof(TurnPlace), typeof(TeamsPerson), typeof(ITurnReplies),
        typeof(IDialog), typeof(DialogRoutes), typeof(DialogRouter), typeof(CommandMatch), typeof(CommandRoute), typeof(VerbRoute),
        typeof(CommandHandler), typeof(VerbHandler), typeof(BotCommand), typeof(BotCommands), typeof(ConversationScope),
        typeof(ITeamsMessenger), typeof(IDeliveryComposer), typeof(TeamDirectory), typeof(AdaptiveCard), typeof(CardMessage), typeof(CardSubmit),
    ];

    [Fact]
    public void No_type_outside_the_seam_has_an_sdk_type_in_its_base_types_fields_properties_or_method_signatures()
    {
        var outside = TrustBotAssembly.GetTypes().Where(type => !IsTranslation(type)).Concat(SeamTypes).Distinct();

        var leaks = outside.SelectMany(SdkTypesIn).Distinct().ToList();

        leaks.Should().BeEmpty("only src/TrustBot/Bot/ and the proactive messenger may use the Bot Framework SDK or Newtonsoft.Json");
    }

    [Fact]
    public void No_source_file_outside_the_seam_uses_the_sdk_or_newtonsoft()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "TrustBot");
        var allowed = new[]
        {
            Path.Combine(source, "Bot") + Path.DirectorySeparatorChar,
            Path.Combine(source, "Delivery", "ProactiveMessenger.cs"),
        };

        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(source, path) && !allowed.Any(path.StartsWith))
            .Where(path => File.ReadAllText(path) is var text
                && (text.Contains("Microsoft.Bot", StringComparison.Ordinal) || text.Contains("Newtonsoft", StringComparison.Ordinal)))
            .Select(path => Path.GetRelativePath(source, path));

        offenders.Should().BeEmpty("Microsoft.Bot.* and Newtonsoft belong in Bot/ and Delivery/ProactiveMessenger.cs only");
    }

    [Fact]
    public void The_check_finds_an_sdk_type_where_there_is_one()
    {
        // The proactive messenger is allowed to use the SDK, and does: proof the reflection sees it.
        SdkTypesIn(typeof(ProactiveMessenger)).Should().NotBeEmpty();
    }

    private static bool IsTranslation(Type type) =>
        Outermost(type) is var outer && (outer.Namespace == BotNamespace || outer == typeof(ProactiveMessenger));

    private static Type Outermost(Type type) => type.DeclaringType is { } declaring ? Outermost(declaring) : type;

    private static bool IsBuildOutput(string source, string path) =>
        Path.GetRelativePath(source, path).Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";

    // Every SDK type a type names: base type, interfaces, fields, properties, events, constructor and method signatures.
    private static IEnumerable<string> SdkTypesIn(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(all).Select(field => field.FieldType));
        named.AddRange(type.GetProperties(all).Select(property => property.PropertyType));
        named.AddRange(type.GetEvents(all).Select(e => e.EventHandlerType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            named.AddRange(method.GetParameters().Select(parameter => parameter.ParameterType));
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
            }
        }

        return named.OfType<Type>().SelectMany(Expand).Where(IsSdk).Select(sdk => $"{type.FullName} names {sdk.FullName}");
    }

    // A type and the types it is made of: generic arguments, element types.
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return inner;
            }
        }
    }

    private static bool IsSdk(Type type) =>
        !type.IsGenericParameter
        && type.Assembly.GetName().Name is { } assembly
        && (assembly.StartsWith("Microsoft.Bot.", StringComparison.Ordinal) || assembly.StartsWith("Newtonsoft.", StringComparison.Ordinal));
}
