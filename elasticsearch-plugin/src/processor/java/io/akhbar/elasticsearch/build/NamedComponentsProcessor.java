package io.akhbar.elasticsearch.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code named_components.json}, the index Elasticsearch reads at startup to find a stable
 * plugin's components, from the {@code @NamedComponent} annotations of the classes being compiled.
 *
 * <p>Elasticsearch's Gradle build produces the file with an ASM scan of the compiled classes; doing it
 * inside javac instead needs no extra build plugin, cannot scan a stale class directory, and turns every
 * mistake that would otherwise only surface when the node starts (or, worse, when an index first uses
 * the component) into a compile error pointing at the class: no {@code @Extensible} supertype, a name
 * used twice, a class Elasticsearch cannot instantiate reflectively.
 *
 * <p>The format is {@code {"<@Extensible interface>": {"<component name>": "<binary class name>"}}}.
 * Keys are sorted so that the file, and thus the zip, is reproducible.
 *
 * <p>Annotations are matched by name through mirrors, so the processor itself needs nothing but the JDK
 * on its path.
 */
@SupportedAnnotationTypes(NamedComponentsProcessor.NAMED_COMPONENT)
public final class NamedComponentsProcessor extends AbstractProcessor {

    static final String NAMED_COMPONENT = "org.elasticsearch.plugin.NamedComponent";
    static final String EXTENSIBLE = "org.elasticsearch.plugin.Extensible";
    static final String INJECT = "org.elasticsearch.plugin.Inject";
    static final String FILE_NAME = "named_components.json";

    private final Map<String, Map<String, String>> components = new TreeMap<>();
    private final Set<Element> originatingElements = new LinkedHashSet<>();
    private boolean failed;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        // Only annotations are read, so any newer language level is as good as the one this was written for.
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement named = processingEnv.getElementUtils().getTypeElement(NAMED_COMPONENT);
        if (named != null) {
            for (Element element : round.getElementsAnnotatedWith(named)) {
                register(element);
            }
        }
        if (round.processingOver() && !failed) {
            write();
        }
        // Other processors may want to see @NamedComponent too.
        return false;
    }

    private void register(Element element) {
        if (element.getKind() != ElementKind.CLASS) {
            error(element, "@NamedComponent is only meaningful on a class");
            return;
        }
        TypeElement type = (TypeElement) element;
        String name = componentName(type);
        if (name == null || name.isBlank()) {
            error(type, "@NamedComponent needs a non-blank name");
            return;
        }
        // Elasticsearch instantiates the class from its server module through reflection.
        Set<Modifier> modifiers = type.getModifiers();
        if (!modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.ABSTRACT)) {
            error(type, "named component " + name + " must be a public, concrete class");
            return;
        }
        if (type.getNestingKind() != NestingKind.TOP_LEVEL && !modifiers.contains(Modifier.STATIC)) {
            error(type, "named component " + name + " must not be an inner (non-static) class");
            return;
        }
        checkConstructor(type, name);

        Set<String> extensibles = extensibleSupertypes(type);
        if (extensibles.isEmpty()) {
            error(type, "named component " + name + " implements no @Extensible interface");
            return;
        }
        if (extensibles.size() > 1) {
            error(type, "named component " + name + " implements several @Extensible interfaces " + extensibles
                    + "; Elasticsearch would register it under only one of them");
            return;
        }
        String extensible = extensibles.iterator().next();
        String className = processingEnv.getElementUtils().getBinaryName(type).toString();
        String previous = components.computeIfAbsent(extensible, k -> new TreeMap<>()).putIfAbsent(name, className);
        if (previous != null && !previous.equals(className)) {
            error(type, "component name " + name + " is already used by " + previous + " for " + extensible);
            return;
        }
        originatingElements.add(type);
    }

    /** Mirrors what StableApiWrappers accepts: exactly one public constructor, without parameters or @Inject. */
    private void checkConstructor(TypeElement type, String name) {
        List<ExecutableElement> publicConstructors = ElementFilter.constructorsIn(type.getEnclosedElements())
                .stream()
                .filter(c -> c.getModifiers().contains(Modifier.PUBLIC))
                .toList();
        if (publicConstructors.size() != 1) {
            error(type, "named component " + name + " needs exactly one public constructor, has "
                    + publicConstructors.size());
            return;
        }
        ExecutableElement constructor = publicConstructors.get(0);
        if (!constructor.getParameters().isEmpty() && annotation(constructor, INJECT) == null) {
            error(constructor, "a constructor with parameters must be annotated @" + INJECT);
        }
    }

    private String componentName(TypeElement type) {
        AnnotationMirror mirror = annotation(type, NAMED_COMPONENT);
        if (mirror == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : processingEnv.getElementUtils().getElementValuesWithDefaults(mirror).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals("value")) {
                Object value = e.getValue().getValue();
                return value instanceof String ? (String) value : null;
            }
        }
        return null;
    }

    /** Every supertype annotated with @Extensible, nearest first; the type itself is skipped. */
    private Set<String> extensibleSupertypes(TypeElement type) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<TypeMirror> todo = new ArrayDeque<>(processingEnv.getTypeUtils().directSupertypes(type.asType()));
        while (!todo.isEmpty()) {
            TypeMirror t = todo.poll();
            if (t.getKind() != TypeKind.DECLARED) {
                continue;
            }
            TypeElement e = (TypeElement) ((DeclaredType) t).asElement();
            String qualified = e.getQualifiedName().toString();
            if (!seen.add(qualified)) {
                continue;
            }
            if (annotation(e, EXTENSIBLE) != null) {
                found.add(processingEnv.getElementUtils().getBinaryName(e).toString());
            }
            todo.addAll(processingEnv.getTypeUtils().directSupertypes(t));
        }
        return found;
    }

    private static AnnotationMirror annotation(Element element, String annotationName) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            TypeElement annotationType = (TypeElement) m.getAnnotationType().asElement();
            if (annotationType.getQualifiedName().contentEquals(annotationName)) {
                return m;
            }
        }
        return null;
    }

    private void write() {
        if (components.isEmpty()) {
            // A stable plugin without components installs fine and then does nothing: say so loudly.
            processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING,
                    "no @NamedComponent found; " + FILE_NAME + " not written");
            return;
        }
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", FILE_NAME,
                    originatingElements.toArray(new Element[0]));
            try (Writer w = file.openWriter()) {
                w.write(toJson(components));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME, e);
        }
    }

    static String toJson(Map<String, Map<String, String>> components) {
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Map<String, String>> extensible : components.entrySet()) {
            sb.append("  ").append(quote(extensible.getKey())).append(": {\n");
            int j = 0;
            for (Map.Entry<String, String> c : extensible.getValue().entrySet()) {
                sb.append("    ").append(quote(c.getKey())).append(": ").append(quote(c.getValue()));
                sb.append(++j < extensible.getValue().size() ? ",\n" : "\n");
            }
            sb.append("  }").append(++i < components.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private void error(Element element, String message) {
        failed = true;
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
