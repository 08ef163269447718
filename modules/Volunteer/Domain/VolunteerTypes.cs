namespace Modular.Modules.Volunteer.Domain;

/// <summary>结对社区 / 帮扶联系村.</summary>
public enum PartnerKind { PairedCommunity = 0, AssistedVillage = 1 }

/// <summary>The kinds of service the agencies' work plans name.</summary>
public enum ActivityKind
{
    /// <summary>学雷锋志愿服务</summary>
    LeiFeng = 0,
    /// <summary>上门服务</summary>
    DoorToDoor = 1,
    /// <summary>延时服务</summary>
    ExtendedHours = 2,
    /// <summary>代办服务</summary>
    Proxy = 3,
    /// <summary>文明劝导</summary>
    CivilityPersuasion = 4,
    /// <summary>社区/村服务</summary>
    CommunityService = 5,
    /// <summary>其他</summary>
    Other = 9,
}

/// <summary>Draft → Published → Finished, or Cancelled from Draft or Published.</summary>
public enum ActivityStatus { Draft = 0, Published = 1, Finished = 2, Cancelled = 3 }

/// <summary>A sign-up holds a place, waits for one in order, or was given up.</summary>
public enum SignUpStatus { Accepted = 0, Waiting = 1, Cancelled = 2 }

