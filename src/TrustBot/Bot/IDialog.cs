namespace TrustBot.Bot;

/// <summary>
/// The conversation for one stage of the framework: the text commands it answers and the card
/// verbs (<c>Action.Execute</c>) it handles, each declared once with its handler in
/// <see cref="DeclareRoutes"/>. The <see cref="DialogRouter"/> sends each turn straight to that handler.
/// </summary>
public interface IDialog
{
    /// <summary>Declares the dialog's commands and verbs, e.g. <c>routes.Command(BotCommands.StartPulse, StartAsync)</c>.</summary>
    void DeclareRoutes(DialogRoutes routes);
}
