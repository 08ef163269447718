namespace Modular.Modules.OrgLife.Services;

/// <summary>Chinese topics, places and minutes for demo data, written for this domain (no lorem).</summary>
public static class DemoTexts
{
    public static readonly IReadOnlyDictionary<MeetingType, string[]> Topics = new Dictionary<MeetingType, string[]>
    {
        [MeetingType.BranchCommitteeMeeting] =
        [
            "研究本月党建工作安排", "研究发展党员工作", "研究党费收缴和使用情况", "研究主题党日活动方案", "研究支部年度工作计划",
            "研究民主评议党员工作方案", "研究谈心谈话安排", "研究“我为群众办实事”事项清单", "研究意识形态工作", "研究党风廉政建设工作",
            "研究巡察整改落实情况", "研究季度先锋岗推荐人选",
        ],
        [MeetingType.BranchMembersMeeting] =
        [
            "传达学习上级会议精神", "讨论接收预备党员", "通报支部季度工作", "学习《中国共产党支部工作条例（试行）》",
            "讨论预备党员按期转正", "学习贯彻党的二十大精神", "通报党费收缴使用情况", "讨论确定发展对象",
        ],
        [MeetingType.PartyGroupMeeting] =
        [
            "学习新时代中国特色社会主义思想专题", "交流学习体会", "学习党章党规", "讨论本组工作落实情况", "开展批评与自我批评",
            "学习“两个确立”的决定性意义", "学习政务服务业务知识", "交流“我为群众办实事”做法", "学习《中国共产党纪律处分条例》",
        ],
        [MeetingType.PartyLecture] =
        [
            "弘扬伟大建党精神，做忠诚干净担当的机关干部", "深入学习贯彻党的二十大精神", "以数字化改革推进政务服务提质增效",
            "从党史中汲取奋进力量", "严守政治纪律和政治规矩", "加强作风建设，提升服务效能", "践行以人民为中心的发展思想",
            "建设讲政治、守纪律、负责任、有效率的模范机关",
        ],
        [MeetingType.ThemePartyDay] =
        [
            "重温入党誓词", "参观廉政教育基地", "“我为群众办实事”志愿服务", "学雷锋志愿服务活动", "党员公开承诺践诺",
            "走进结对社区开展共建活动", "观看红色教育影片", "缴纳党费并开展集中学习", "参观革命纪念馆", "清明祭英烈",
            "党史知识竞赛", "文明城市创建志愿服务", "政务服务窗口“红旗岗”示范活动",
        ],
        [MeetingType.OrganizationalLifeMeeting] = ["年度组织生活会暨民主评议党员"],
    };

    public static readonly string[] Places = ["机关三楼党员活动室", "第一会议室", "第二会议室", "党建活动中心", "支部会议室"];
    public static readonly string[] ThemeDayPlaces = ["党员活动室", "市廉政教育基地", "结对共建社区", "革命纪念馆", "政务服务大厅"];

    public static readonly string[] LeaveReasons = ["出差", "公务外出", "病假", "参加上级培训", "事假", "陪同调研", "值班"];

    public static readonly string[] Decisions =
    [
        "通过支部年度工作计划", "确定年度发展对象人选", "通过党费收缴使用情况报告", "通过主题党日活动方案",
        "同意一名预备党员按期转为正式党员", "同意接收一名发展对象为预备党员", "通过民主评议党员实施方案",
    ];

    public static readonly string[] Openings =
    [
        "会议由{0}主持，围绕“{1}”进行了学习和讨论。",
        "{0}主持会议，首先通报了会议议程，围绕“{1}”展开。",
    ];

    public static readonly string[] Bodies =
    [
        "与会同志结合本职工作逐一发言，查找差距，明确努力方向。",
        "会议集中学习了有关文件精神，大家一致认为要把学习成果转化为推动工作的实际成效。",
        "会上对上阶段工作进行了回顾，对存在的不足提出了改进措施。",
        "会议强调，要落实“一岗双责”，推动党建与业务深度融合。",
        "大家围绕提升政务服务效能谈认识、提建议，形成了几条具体措施。",
    ];

    public static readonly string[] Closings =
    [
        "会议要求各位党员以实际行动抓好落实。",
        "会议明确了下一步工作分工和完成时限。",
        "最后，主持人对会议进行了总结。",
    ];

    public static readonly string[] TalkTopics =
    [
        "思想工作情况交流", "工作和生活中的困难", "落实“一岗双责”情况", "廉洁自律提醒", "对支部工作的意见建议",
        "年度考核后的思想交流", "岗位调整后的谈心", "民主评议前的谈心",
    ];

    public static readonly string[] SelfAppraisals =
    [
        "本年度认真学习党的创新理论，按时参加组织生活，较好完成本职工作；不足是理论联系实际还不够紧密。",
        "能够严格遵守党的纪律，积极参加志愿服务；今后要进一步提高业务能力和服务水平。",
        "坚持学习不放松，工作中敢于担当；对照党员标准，在创新意识方面还有差距。",
    ];
}
