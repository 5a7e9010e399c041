/** The open base every module builds on: violations, errors, names, YAML text helpers. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.wasmconsole.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
