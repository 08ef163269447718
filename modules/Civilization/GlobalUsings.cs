// The namespaces nearly every file of the module uses, named once.
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using Modular.Sdk;
global using Modular.Modules.Civilization.Data;
global using Modular.Modules.Civilization.Domain;
global using Modular.Modules.Civilization.Rules;
global using Modular.Modules.Civilization.Services;
