// ParameterForm emits exactly one edited() per committed edit and none for setValues().
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include "core/SpecKinds.h"
#include "widgets/common/ParameterForm.h"

using as::widgets::ParameterForm;

namespace {
std::vector<as::ParamSpec> specs() {
    as::ParamSpec tau{.key = "tau",
                      .label = "Time constant",
                      .unit = "ms",
                      .defaultValue = 1.0,
                      .min = 0,
                      .max = 100,
                      .minOpen = true,
                      .step = 0.5,
                      .decimals = 2,
                      .tooltip = "tau"};
    as::ParamSpec n{.key = "N",
                    .label = "Neurons",
                    .defaultValue = 512,
                    .min = 16,
                    .max = 4096,
                    .step = 64,
                    .decimals = 0,
                    .integer = true,
                    .tooltip = "N"};
    as::ParamSpec integ{
        .key = "integrator", .label = "Integrator", .choices = {"euler", "rk4"}, .tooltip = "i"};
    return {tau, n, integ};
}
}  // namespace

class TestParameterForm : public QObject {
    Q_OBJECT
  private slots:
    void typedEditIsOneEdit() {
        ParameterForm f(specs());
        f.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f));
        QSignalSpy spy(&f, &ParameterForm::edited);
        auto* sb = qobject_cast<QDoubleSpinBox*>(f.editor("tau"));
        QVERIFY(sb);
        sb->setFocus();
        sb->selectAll();
        QTest::keyClicks(sb, "2.5");  // keyboard tracking off: nothing yet
        QCOMPARE(spy.count(), 0);
        QTest::keyClick(sb, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QString("tau"));
        QCOMPARE(spy.at(0).at(1).toDouble(), 1.0);
        QCOMPARE(spy.at(0).at(2).toDouble(), 2.5);
        // Leaving the field without a change is no edit.
        emit sb->editingFinished();
        QCOMPARE(spy.count(), 1);
    }

    void arrowStepIsOneEdit() {
        ParameterForm f(specs());
        QSignalSpy spy(&f, &ParameterForm::edited);
        auto* sb = qobject_cast<QSpinBox*>(f.editor("N"));
        sb->stepUp();  // what an arrow click does
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(2).toDouble(), 576.0);
    }

    void comboIsOneEdit() {
        ParameterForm f(specs());
        QSignalSpy spy(&f, &ParameterForm::edited);
        qobject_cast<QComboBox*>(f.editor("integrator"))->setCurrentIndex(1);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(2).toDouble(), 1.0);
    }

    void setValuesIsSilent() {
        ParameterForm f(specs());
        QSignalSpy spy(&f, &ParameterForm::edited);
        f.setValues({{"tau", 3.0}, {"N", 1024}, {"integrator", 1}, {"unknown", 7}});
        QCOMPARE(spy.count(), 0);
        QCOMPARE(f.value("tau"), 3.0);
        QCOMPARE(f.value("N"), 1024.0);
        // The next edit reports the value set as its old value.
        qobject_cast<QSpinBox*>(f.editor("N"))->stepDown();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).toDouble(), 1024.0);
    }

    void wholeNumbersPastAnIntKeepTheirValue() {
        // A seed of up to 2^32 - 1 (the generator's): a QSpinBox would clamp 3e9 to INT_MAX.
        as::ParamSpec seed = specs()[1];  // the whole number N, widened
        seed.key = "seed";
        seed.min = 0;
        seed.max = 4294967295.0;
        seed.step = 1;
        ParameterForm f({seed});
        QSignalSpy spy(&f, &ParameterForm::edited);
        f.setValues({{"seed", 3000000000.0}});
        QCOMPARE(f.value("seed"), 3000000000.0);
        auto* sb = qobject_cast<QDoubleSpinBox*>(f.editor("seed"));
        QVERIFY(sb);
        QCOMPARE(sb->decimals(), 0);
        QCOMPARE(sb->maximum(), 4294967295.0);
        sb->stepUp();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).toDouble(), 3000000000.0);
        QCOMPARE(spy.at(0).at(2).toDouble(), 3000000001.0);
    }

    void seedSpecsOfferTheirWholeRange() {
        // seedSpec (E-I, SDE and training seeds, up to 2^53): the form used to stop at 2^31 - 1
        // and clamp a session's larger seed to it.
        ParameterForm f({as::seedSpec("Seed", "A seed.")});
        f.setValues({{"seed", 9007199254740991.0}});
        QCOMPARE(f.value("seed"), 9007199254740991.0);
        auto* sb = qobject_cast<QDoubleSpinBox*>(f.editor("seed"));
        QVERIFY(sb);
        QCOMPARE(sb->maximum(), 9007199254740992.0);
        QCOMPARE(sb->textFromValue(sb->value()), QString("9007199254740991"));
    }

    void showsError() {
        ParameterForm f(specs());
        f.show();
        f.showError("k must be in (0, k_c) = (0, 130.03)");
        QCOMPARE(f.errorText(), QString("k must be in (0, k_c) = (0, 130.03)"));
        f.showError({});
        QVERIFY(f.errorText().isEmpty());
    }

    void labelsCarryUnits() {
        ParameterForm f(specs());
        auto* sb = qobject_cast<QDoubleSpinBox*>(f.editor("tau"));
        QCOMPARE(sb->suffix(), QString(" ms"));
        QCOMPARE(sb->minimum(), 0.01);  // (0, ...: the open end moves in by one shown digit
        QCOMPARE(sb->maximum(), 100.0);
        QCOMPARE(sb->toolTip(), QString("tau. Range (0, 100] ms."));  // the range from the spec
    }
};

QTEST_MAIN(TestParameterForm)
#include "test_parameter_form.moc"
