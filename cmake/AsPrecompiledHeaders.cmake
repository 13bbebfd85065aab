# Precompiled headers: the third-party headers nearly every file includes are parsed once per target
# instead of once per file. Measured per file on the 2-core machine (GCC 12, -O3): Eigen/Core 3 s,
# GoogleTest 2 s, a Qt widget header 4 s, QTest 5.6 s, CLI11 10 s; the CI build compiles about 400
# files (docs/performance.md, "Build time"). Only third-party and standard headers go in: the project's
# own headers change too often, and a change to one would rebuild everything.
#
#   as_precompile_headers(<target> <kind>)         the target compiles its own precompiled header
#   as_share_precompiled_headers(<target> <kind> <owner-variable>)
#       for the many one-file test programs of a folder: the first one compiles the header, the rest
#       reuse it (they are built with the same flags, which a shared header needs)
#
# Files compiled with their own floating-point flags (-ffast-math, -ffp-contract=off, ...) set
# SKIP_PRECOMPILE_HEADERS, so nothing they include is compiled under the target's flags instead.
# -DAS_PRECOMPILE_HEADERS=OFF turns it off.
option(AS_PRECOMPILE_HEADERS "Precompile the heavy third-party headers (Eigen, Qt, GoogleTest, CLI11)" ON)

# ccache caches a compile that uses a precompiled header only with this sloppiness (ccache's manual,
# "Precompiled headers"); without it every such call is "uncacheable" and recompiles. A ccache
# launcher is wrapped so the setting needs no configuration file.
if(AS_PRECOMPILE_HEADERS)
  foreach(lang C CXX)
    if(CMAKE_${lang}_COMPILER_LAUNCHER MATCHES "ccache$" AND NOT CMAKE_${lang}_COMPILER_LAUNCHER MATCHES "SLOPPINESS")
      set(CMAKE_${lang}_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env CCACHE_SLOPPINESS=pch_defines,time_macros
                                          ${CMAKE_${lang}_COMPILER_LAUNCHER})
    endif()
  endforeach()
endif()

set(AS_PCH_ENGINE <algorithm> <cmath> <cstdint> <functional> <memory> <stdexcept> <string> <vector>
    <Eigen/Core>)
set(AS_PCH_CLI ${AS_PCH_ENGINE} <CLI/CLI.hpp>)
set(AS_PCH_GTEST ${AS_PCH_ENGINE} <filesystem> <random> <gtest/gtest.h>)
set(AS_PCH_QT ${AS_PCH_ENGINE} <QObject> <QString> <QWidget> <QLabel> <QBoxLayout> <QComboBox>
    <QPushButton> <QTimer> <QPainter> <QImage> <QtCharts/QChartView>)
set(AS_PCH_QTEST ${AS_PCH_QT} <QApplication> <QTest> <QSignalSpy> <QTemporaryDir>)

function(as_precompile_headers target kind)
  if(NOT AS_PRECOMPILE_HEADERS)
    return()
  endif()
  if(NOT DEFINED AS_PCH_${kind})
    message(FATAL_ERROR "as_precompile_headers: unknown kind '${kind}'")
  endif()
  set(headers)
  foreach(h ${AS_PCH_${kind}})
    list(APPEND headers "$<$<COMPILE_LANGUAGE:CXX>:${h}>")
  endforeach()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()

function(as_share_precompiled_headers target kind owner_var)
  if(NOT AS_PRECOMPILE_HEADERS)
    return()
  endif()
  if(DEFINED ${owner_var})
    target_precompile_headers(${target} REUSE_FROM ${${owner_var}})
  else()
    as_precompile_headers(${target} ${kind})
    set(${owner_var} ${target} PARENT_SCOPE)
  endif()
endfunction()
