import ArgumentParser
import FlowIR
import FlowMail
import FlowSyntax

/// The project's templates, compiled for rendering; a template that cannot be compiled is
/// printed as an error and ends the command with exit code 2.
func loadTemplates(of project: Project, _ compiled: CompiledProject) throws -> TemplateRenderer {
    do {
        return try TemplateRenderer(templates: project.templates.values.map(TemplateSource.init), unsubscribeURL: compiled.unsubscribeURL)
    } catch {
        printError("error: \(error.description)")
        throw ExitCode(2)
    }
}
