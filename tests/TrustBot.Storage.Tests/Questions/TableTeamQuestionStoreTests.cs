using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Questions;
using TrustBot.Storage.Questions;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Questions;

[Collection(AzuriteCollection.Name)]
public sealed class TableTeamQuestionStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:abc/+x==@thread.tacv2";
    private const string OtherTeamId = "19:meeting_Zm9v@thread.v2";
    private static readonly DateTimeOffset Added = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);
    private TestStorage _storage = null!;
    private TableTeamQuestionStore _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(azurite, services => services.AddTrustBotTeamQuestionStore());
        _store = new TableTeamQuestionStore(_storage.Tables);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private static TeamQuestion Question(string teamId, string text, DateTimeOffset addedAt, bool reverse = false) =>
        TeamQuestion.New(teamId, new TeamQuestionDraft(text, "care", reverse), Guid.NewGuid(), addedAt);

    [Fact]
    public async Task A_question_round_trips_with_a_Teams_shaped_team_id_and_unicode_text()
    {
        var question = Question(TeamId, "On s'entraide, même quand ça coûte 🤝 信頼", Added, reverse: true);

        await _store.AddAsync(question, default);

        (await _store.GetAllAsync(TeamId, default)).Should().ContainSingle().Which.Should().Be(question);
    }

    [Fact]
    public async Task All_of_a_teams_questions_come_back_oldest_first_retired_ones_included_and_no_other_teams()
    {
        var first = Question(TeamId, "We help each other out.", Added);
        var second = Question(TeamId, "We say when we are stuck.", Added.AddMinutes(1));
        var third = Question(TeamId, "We celebrate each other's wins.", Added.AddMinutes(2));
        foreach (var question in new[] { third, first, second, Question(OtherTeamId, "Not this team's question.", Added) })
        {
            await _store.AddAsync(question, default);
        }

        await _store.RetireAsync(TeamId, second.Item.Id, Added.AddDays(1), default);

        (await _store.GetAllAsync(TeamId, default)).Should().Equal(first, second with { RetiredAt = Added.AddDays(1) }, third);
    }

    [Fact]
    public async Task A_team_without_questions_has_none() =>
        (await _store.GetAllAsync(TeamId, default)).Should().BeEmpty();

    [Fact]
    public async Task Retiring_returns_the_question_as_it_stood_and_retiring_again_keeps_the_first_date()
    {
        var question = Question(TeamId, "We help each other out.", Added);
        await _store.AddAsync(question, default);

        var first = await _store.RetireAsync(TeamId, question.Item.Id, Added.AddDays(1), default);
        var again = await _store.RetireAsync(TeamId, question.Item.Id, Added.AddDays(2), default);

        first.Should().Be(question);
        again.Should().Be(question with { RetiredAt = Added.AddDays(1) });
        (await _store.GetAllAsync(TeamId, default)).Single().RetiredAt.Should().Be(Added.AddDays(1));
    }

    [Fact]
    public async Task Retiring_an_unknown_question_or_another_teams_returns_null_and_writes_nothing()
    {
        var theirs = Question(OtherTeamId, "We help each other out.", Added);
        await _store.AddAsync(theirs, default);

        (await _store.RetireAsync(TeamId, theirs.Item.Id, Added, default)).Should().BeNull();
        (await _store.RetireAsync(TeamId, "custom.00000000", Added, default)).Should().BeNull();

        (await _store.GetAllAsync(TeamId, default)).Should().BeEmpty();
        (await _store.GetAllAsync(OtherTeamId, default)).Should().Equal(theirs);
    }

    [Fact]
    public async Task Two_concurrent_retirements_both_succeed_and_one_of_them_sees_it_already_retired()
    {
        var question = Question(TeamId, "We help each other out.", Added);
        await _store.AddAsync(question, default);

        var befores = await Task.WhenAll(Enumerable.Range(1, 2).Select(i => Task.Run(() => _store.RetireAsync(TeamId, question.Item.Id, Added.AddDays(i), default))));

        befores.Count(b => b!.IsRetired).Should().Be(1, "one retirement wins; the other finds it already retired");
        (await _store.GetAllAsync(TeamId, default)).Single().IsRetired.Should().BeTrue();
    }

    [Fact]
    public async Task Adding_the_same_question_again_is_done_but_another_question_under_its_id_is_refused()
    {
        var question = Question(TeamId, "We help each other out.", Added);
        await _store.AddAsync(question, default);

        await _store.AddAsync(question, default);
        var clash = () => _store.AddAsync(question with { Item = question.Item with { Text = "Something else entirely." } }, default);

        await clash.Should().ThrowAsync<InvalidOperationException>();
        (await _store.GetAllAsync(TeamId, default)).Should().Equal(question);
    }

    [Fact]
    public async Task Deleting_the_team_removes_its_questions_and_no_other_teams()
    {
        await _store.AddAsync(Question(TeamId, "We help each other out.", Added), default);
        var theirs = Question(OtherTeamId, "We help each other out.", Added);
        await _store.AddAsync(theirs, default);

        await _storage.Deletion.DeleteTeamAsync(TeamId, default);

        (await _store.GetAllAsync(TeamId, default)).Should().BeEmpty();
        (await _store.GetAllAsync(OtherTeamId, default)).Should().Equal(theirs);
    }

    [Fact]
    public void The_registration_adds_the_table_as_holding_no_member_data_and_the_store_as_a_singleton()
    {
        var services = new ServiceCollection().AddTrustBotTeamQuestionStore();

        services.Where(d => d.ServiceType == typeof(TableRegistration)).Select(d => (TableRegistration)d.ImplementationInstance!)
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "TeamQuestions", HoldsMemberData = false });
        services.Should().ContainSingle(d => d.ServiceType == typeof(ITeamQuestionStore))
            .Which.Should().BeEquivalentTo(new { ImplementationType = typeof(TableTeamQuestionStore), Lifetime = ServiceLifetime.Singleton });
    }
}
