using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Study;

public sealed class StudyBrowserFixture() : BrowserFixture("study", "integrity");

/// <summary>A member takes the hundred-rules test on a phone, with a reload in the middle; the office exports the results.</summary>
public sealed class StudyJourneyTests(StudyBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<StudyBrowserFixture>
{
    [Fact]
    public Task A_member_takes_a_test_on_a_phone_reloads_in_the_middle_and_submits() => StepsAsync("study-take-test", async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync("member");
        await Page.GotoAsync(Url("/m/study"));
        await Page.GetByTestId("my-tests").GetByRole(AriaRole.Link, new() { Name = "开始答题" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("closed-book")).ToBeVisibleAsync();
        await Page.GetByTestId("start").ClickAsync();
        var questions = Page.GetByTestId("question");
        await Assertions.Expect(questions).ToHaveCountAsync(20);

        // Two answers, each saved as it is given.
        for (var i = 0; i < 2; i++) await AnswerAsync(questions.Nth(i));
        await Assertions.Expect(Page.Locator("#save-status")).ToHaveTextAsync("已保存");
        var first = await questions.Nth(0).GetAttributeAsync("data-question");

        // The phone drops the page: after a reload the same questions come in the same order, with the answers kept.
        await Page.ReloadAsync();
        await Assertions.Expect(questions).ToHaveCountAsync(20);
        Assert.Equal(first, await questions.Nth(0).GetAttributeAsync("data-question"));
        for (var i = 0; i < 2; i++) Assert.True(await AnsweredAsync(questions.Nth(i)), $"question {i + 1} lost its answer");
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the test page scrolls sideways: {width}px");

        await AnswerAsync(questions.Nth(2));
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("result")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("right-count")).ToContainTextAsync("共 20 题");
        await Assertions.Expect(Page.GetByTestId("answers-later")).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_office_exports_the_results_and_the_question_bank() => StepsAsync("study-office-exports", async () =>
    {
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/study/Tests"));
        await Page.GetByRole(AriaRole.Link, new() { Name = "应知应会知识测试" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("hardest")).ToBeVisibleAsync();
        var results = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("export-results").ClickAsync());
        Assert.EndsWith(".xlsx", results.SuggestedFilename);
        await Page.GotoAsync(Url("/m/study/Questions"));
        var bank = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("export").ClickAsync());
        Assert.Equal("题库.xlsx", bank.SuggestedFilename);
    });

    private static async Task AnswerAsync(ILocator question)
    {
        var text = question.Locator("input[type=text]");
        if (await text.CountAsync() > 0)
        {
            await text.FillAsync("纪律");
            await text.PressAsync("Tab");
        }
        else await question.Locator("input").First.CheckAsync();
    }

    private static async Task<bool> AnsweredAsync(ILocator question)
    {
        var text = question.Locator("input[type=text]");
        if (await text.CountAsync() > 0) return await text.InputValueAsync() == "纪律";
        return await question.Locator("input:checked").CountAsync() > 0;
    }
}
