using Fixture.Shelf.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fixture.Shelf.Data.Migrations.PostgreSql
{
    /// <summary>Version 2's migration: plain SQL, so the model (and its snapshot) stay those of version 1.</summary>
    [DbContext(typeof(ShelfDbContext))]
    [Migration("20261201190000_Labels")]
    public partial class Labels : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE shelf_label (id integer NOT NULL PRIMARY KEY, name text NOT NULL);");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE shelf_label;");
        }
    }
}
