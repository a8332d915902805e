using System.Globalization;
using System.Text;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Cbc;

/// <summary>Writes a <see cref="MipModel"/> in the CPLEX LP format CBC reads. Columns are x0, x1, ...; rows r0, r1, ...</summary>
internal static class LpFormat
{
    private const int TermsPerLine = 8;

    /// <summary>Upper bounds from here on are written as none.</summary>
    private const double Unbounded = 1e30;

    public static string ColumnName(int index) => $"x{index}";

    public static void Write(MipModel model, TextWriter writer)
    {
        writer.WriteLine("\\ ContinuityScheduler rota model");
        writer.WriteLine("Minimize");
        var objective = model.Objective
            .Select((cost, i) => new Term(cost, model.Variables[i]))
            .Where(t => t.Coefficient != 0)
            .ToList();
        writer.Write(" obj:");
        WriteTerms(writer, objective.Count > 0 ? objective : [new Term(0, model.Variables[0])]);
        writer.WriteLine();

        writer.WriteLine("Subject To");
        var row = 0;
        foreach (var constraint in model.Constraints.Where(c => c.Terms.Count > 0))
        {
            writer.Write($" r{row++}:");
            WriteTerms(writer, constraint.Terms);
            writer.Write(constraint.Sense switch { Sense.LessOrEqual => " <= ", Sense.GreaterOrEqual => " >= ", _ => " = " });
            writer.WriteLine(Number(constraint.RightHandSide));
        }

        writer.WriteLine("Bounds");
        foreach (var variable in model.Variables)
        {
            var name = ColumnName(variable.Index);
            writer.WriteLine(
                variable.Lower == variable.Upper ? $" {name} = {Number(variable.Lower)}"
                : variable.Upper >= Unbounded ? $" {name} >= {Number(variable.Lower)}"
                : $" {Number(variable.Lower)} <= {name} <= {Number(variable.Upper)}");
        }

        // Integers go in Generals with their own bounds: a Binaries section would reset the bounds of fixed columns.
        var integers = model.Variables.Where(v => v.IsInteger).ToList();
        if (integers.Count > 0)
        {
            writer.WriteLine("Generals");
            foreach (var chunk in integers.Chunk(TermsPerLine * 2))
            {
                writer.WriteLine(" " + string.Join(' ', chunk.Select(v => ColumnName(v.Index))));
            }
        }

        writer.WriteLine("End");
    }

    public static string Write(MipModel model)
    {
        var text = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        Write(model, text);
        return text.ToString();
    }

    private static void WriteTerms(TextWriter writer, IReadOnlyList<Term> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0 && i % TermsPerLine == 0)
            {
                writer.WriteLine();
                writer.Write("   ");
            }

            var term = terms[i];
            writer.Write(term.Coefficient < 0 ? " - " : (i == 0 ? " " : " + "));
            writer.Write(Number(Math.Abs(term.Coefficient)));
            writer.Write(' ');
            writer.Write(ColumnName(term.Variable.Index));
        }
    }

    private static string Number(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
