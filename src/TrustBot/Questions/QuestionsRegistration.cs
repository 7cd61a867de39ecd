using TrustBot.Bot;
using TrustBot.Storage;

namespace TrustBot.Questions;

/// <summary>Registers the team's own pulse questions (added and retired by leads).</summary>
public static class QuestionsRegistration
{
    /// <summary>
    /// Adds the custom-question dialog, the per-team <see cref="TeamQuestionBank"/> (pulses use it) and
    /// the question store. Needs the built-in <c>QuestionBank</c> and the storage registered by the host.
    /// </summary>
    public static IServiceCollection AddCustomQuestions(this IServiceCollection services)
    {
        services.AddSingleton<TeamQuestionBank>();
        services.AddSingleton<IDialog, QuestionsDialog>();
        return services.AddTrustBotTeamQuestionStore();
    }
}
