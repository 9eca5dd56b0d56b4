package vn.qualityledger.web.plan;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.qualityledger.web.OfferedActions;
import vn.qualityledger.web.SignedInUser;

/**
 * For the shared pages' links to the plan pages (the navigation's "Nhập kế hoạch", the dashboard's "Thêm mục tiêu",
 * the objective's "Quản lý mục tiêu"): {@code plansOffered} is true for planners only.
 */
@ControllerAdvice
class PlanOffers {

    @ModelAttribute("plansOffered")
    boolean plansOffered() {
        return SignedInUser.current().filter(OfferedActions::isPlanner).isPresent();
    }
}
