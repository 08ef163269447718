namespace Modular.Modules.Study.Domain;

/// <summary>单选、多选、判断、填空.</summary>
public enum QuestionKind
{
    SingleChoice = 0,
    MultipleChoice = 1,
    TrueFalse = 2,
    FillIn = 3,
}

/// <summary>易、中、难.</summary>
public enum Difficulty
{
    Easy = 1,
    Medium = 2,
    Hard = 3,
}

/// <summary>How a test's questions were chosen.</summary>
public enum Selection
{
    /// <summary>Questions picked one by one.</summary>
    Chosen = 0,
    /// <summary>Drawn at random from a category, a number of them.</summary>
    Random = 1,
}

/// <summary>Whose plan: the Party leadership group's central study group (党组理论学习中心组) or a branch.</summary>
public enum PlanOwner
{
    CentralGroup = 0,
    Branch = 1,
}

/// <summary>Chinese (and English) names of the module's values, as resource keys.</summary>
public static class Labels
{
    public static string Kind(QuestionKind k) => k switch
    {
        QuestionKind.SingleChoice => "Single choice",
        QuestionKind.MultipleChoice => "Multiple choice",
        QuestionKind.TrueFalse => "True or false",
        _ => "Fill in the blank",
    };

    public static string Level(Difficulty d) => d switch
    {
        Difficulty.Easy => "Easy",
        Difficulty.Medium => "Medium",
        _ => "Hard",
    };
}
