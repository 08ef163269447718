namespace Modular.Modules.Civilization.Domain;

/// <summary>The title a campaign seeks: 市级文明单位, 省级文明单位, 文明单位标兵 (model unit), or another.</summary>
public enum TitleLevel { MunicipalCivilizedUnit = 0, ProvincialCivilizedUnit = 1, ModelUnit = 2, Other = 3 }

/// <summary>筹备中 → 创建中 → 已申报 → 已命名 / 未通过.</summary>
public enum CampaignStatus { Planning = 0, InProgress = 1, Submitted = 2, Awarded = 3, NotAwarded = 4 }

/// <summary>A reviewer's mark for a criterion: 未开始 / 推进中 / 已达标 / 未达标.</summary>
public enum ItemStatus { NotStarted = 0, InProgress = 1, Met = 2, NotMet = 3 }

/// <summary>Activities of a 新时代文明实践点.</summary>
public enum PracticeKind { PolicyTalk = 0, Visit = 1, CulturalEvent = 2, VolunteerService = 3 }

/// <summary>The level of the body that conferred an honour.</summary>
public enum HonourLevel { National = 0, Provincial = 1, Municipal = 2, District = 3, Other = 4 }
