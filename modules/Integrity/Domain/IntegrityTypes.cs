namespace Modular.Modules.Integrity.Domain;

/// <summary>廉政谈话 kinds: 任前廉政谈话, 提醒谈话, 节前廉政谈话, 其他.</summary>
public enum TalkKind { OnTakingOffice = 0, Reminder = 1, Festival = 2, Other = 3 }

/// <summary>警示教育 kinds: 参观警示教育基地, 观看警示教育片, 以案促改.</summary>
public enum WarningKind { BaseVisit = 0, WarningFilm = 1, CaseStudy = 2 }

public enum RiskLevel { High = 0, Medium = 1, Low = 2 }

/// <summary>公开检查 or 暗访.</summary>
public enum InspectionMode { Open = 0, Unannounced = 1 }

/// <summary>What was inspected: a service window, or a department.</summary>
public enum InspectionTarget { Window = 0, Department = 1 }

public enum RectificationStatus { Open = 0, Closed = 1 }

/// <summary>How an owner answered a review round for one risk point.</summary>
public enum ReviewOutcome { Pending = 0, Confirmed = 1, Updated = 2 }

/// <summary>The key dates of the festival calendar (节日廉洁提醒).</summary>
public enum Festival { NewYear = 0, SpringFestival = 1, Qingming = 2, MayDay = 3, DragonBoat = 4, MidAutumn = 5, NationalDay = 6 }
