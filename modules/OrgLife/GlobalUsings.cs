// The namespaces nearly every file of the module uses, named once.
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using Modular.Sdk;
global using Modular.Modules.OrgLife.Data;
global using Modular.Modules.OrgLife.Domain;
global using Modular.Modules.OrgLife.Rules;
global using Modular.Modules.OrgLife.Services;
